<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: corrected slips and repeated note labels, read as on screen.
  A corrected slip (choice with sic or orig and corr or reg) prints its reading
  only, as the HTML reading view shows it; the original is listed with its page
  under "This print edition" (print/document.xsl), where the screen edition
  gives it on demand (a tooltip, the diplomatic view).  A note label that the
  notes repeat ("Translator's note:" on every note) is printed on the first
  such note only; the conventions say so.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The corrected slips of the text, in document order. -->
  <xsl:function name="te:print-corrections" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc//text//choice[(sic | orig) and (corr | reg)]"/>
  </xsl:function>

  <xsl:function name="te:correction-id" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <!-- Not generate-id(): Saxon numbers documents per run, and the same TEI must give the same bytes. -->
    <xsl:sequence select="'correction-' || count($choice/preceding::choice) + 1"/>
  </xsl:function>

  <xsl:template match="choice[(sic | orig) and (corr | reg)]" mode="te:text" priority="2" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <span>
      <xsl:call-template name="te:start"/>
      <span class="reading">
        <xsl:if test="not($te:copy)">
          <xsl:attribute name="id" select="te:correction-id(.)"/>
        </xsl:if>
        <xsl:apply-templates select="(corr, reg)[1]/node()" mode="te:text">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
        </xsl:apply-templates>
      </span>
      <xsl:apply-templates select="* except ((sic, orig)[1], (corr, reg)[1])" mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- The own label ("Translator's note:") of a numbered note, as the reader sees it. -->
  <xsl:function name="te:own-label" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note[te:is-numbered-note(.)]/label[1][not(preceding-sibling::node()[normalize-space()])]
        ! normalize-space(.)"/>
  </xsl:function>

  <!-- Labels that more than one numbered note of the text begins with. -->
  <xsl:function name="te:repeated-note-labels" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="labels" select="$doc//text//note ! te:own-label(.)"/>
    <xsl:sequence select="distinct-values($labels)[count(index-of($labels, .)) gt 1]"/>
  </xsl:function>

  <!-- Is this the label of a note that an earlier note of the text already began with? -->
  <xsl:function name="te:repeated-label" as="xs:boolean">
    <xsl:param name="label" as="element()"/>
    <xsl:variable name="own" select="te:own-label($label/..)"/>
    <xsl:sequence select="$label is $label/../label[1] and exists($own)
        and exists(($label/../preceding::note intersect $label/ancestor::text//note)[te:own-label(.) = $own])"/>
  </xsl:function>

  <xsl:template match="note/label" mode="te:text" priority="1" as="node()*">
    <xsl:if test="not(te:repeated-label(.))">
      <xsl:next-match/>
    </xsl:if>
  </xsl:template>

  <!-- The note's text then starts at its first word, not at the space after the label. -->
  <xsl:template match="note/text()[preceding-sibling::node()[1][self::label][te:repeated-label(.)]]"
      mode="te:text" priority="2" as="text()?">
    <xsl:value-of select="replace(., '^\s+', '')"/>
  </xsl:template>
</xsl:stylesheet>
