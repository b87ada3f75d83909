<?xml version="1.0" encoding="UTF-8"?>
<!--
  The visible fallback (CETEIcean-style): any TEI element without its own
  template still shows its content, wrapped in an element whose class is its
  TEI name (tei-NAME), so foreign TEI never loses text and unstyled elements
  are easy to spot.  A block in flow content, a span in phrasing content.
  Elements that hold metadata rather than reading text are skipped in te:text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="*" mode="te:text" priority="-1" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="block" select="not($te:phrasing) and (te:holds-blocks(.)
        or exists(*) and empty(text()[normalize-space()]))"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="(if (namespace-uri() ne 'http://www.tei-c.org/ns/1.0') then 'foreign-ns' else (), 'fallback')"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="not($block)"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Not reading text: descriptions consumed by their parent, XIncludes never followed. -->
  <xsl:template match="gap/desc" mode="te:text" as="node()*"/>
  <xsl:template match="*:include[namespace-uri() = 'http://www.w3.org/2001/XInclude']" mode="te:text" as="node()*">
    <span class="xinclude editorial">[included text not shown: <xsl:value-of select="@href"/>]</span>
  </xsl:template>
  <xsl:template match="*:fallback[namespace-uri() = 'http://www.w3.org/2001/XInclude']" mode="te:text" as="node()*">
    <xsl:apply-templates mode="te:text"/>
  </xsl:template>
  <xsl:template match="processing-instruction() | comment()" mode="te:text" as="node()*"/>
</xsl:stylesheet>
