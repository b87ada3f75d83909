<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: an apparatus entry is a footnote at its variant ("v1"), as a
  printed critical edition sets it, whatever the notes setting (the translator's
  and the document's own notes may go to endnotes; the variants stay on the page
  of the words they concern).  The call and the footnote's number link to each
  other, as notes do (print/notes.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="te:app-call">
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="'v' || te:app-number(.)"/>
    <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
      <xsl:attribute name="class" select="'fn-call app-call'"/>
      <xsl:attribute name="id" select="'appref-' || te:app-number(.)"/>
      <xsl:if test="not($te:in-link)">
        <xsl:attribute name="href" select="'#app-' || te:app-number(.)"/>
        <xsl:attribute name="aria-label" select="'Variant readings v' || te:app-number(.)"/>
      </xsl:if>
      <xsl:value-of select="$n"/>
    </xsl:element>
    <span class="fn type-apparatus" id="app-{te:app-number(.)}" data-n="{$n}">
      <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
        <xsl:attribute name="class" select="'fn-number'"/>
        <xsl:if test="not($te:in-link)">
          <xsl:attribute name="href" select="'#appref-' || te:app-number(.)"/>
          <xsl:attribute name="aria-label" select="'Back to the text at variant v' || te:app-number(.)"/>
        </xsl:if>
        <xsl:value-of select="$n"/>
      </xsl:element>
      <xsl:text> </xsl:text>
      <xsl:call-template name="te:app-entry-text"/>
    </span>
  </xsl:template>

  <!-- The list after the document is the screen's; on paper the footnotes are the apparatus. -->
  <xsl:template name="te:apparatus-section" as="element()?"/>
</xsl:stylesheet>
