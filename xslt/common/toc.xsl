<?xml version="1.0" encoding="UTF-8"?>
<!--
  A table of contents from the divisions' headings (div, div1-div7 with a head).
  Why: a long text (a monograph, a volume) is read by its parts.  It is shown
  where the TEI asks for one (divGen type="toc") and, otherwise, before the text
  when the document has at least $te:toc-minimum headed divisions.  Each listed
  division gets an id (its xml:id, else a stable generated one) to link to.
  The print edition needs none of this: WeasyPrint makes the PDF's bookmarks
  from the same headings (h2-h6).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="te:toc-minimum" as="xs:integer" select="4"/>

  <!-- The divisions a table of contents lists: headed divisions of the text, outside notes. -->
  <xsl:function name="te:toc-divisions" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc//text//*[self::div or matches(local-name(), '^div[1-7]$')]
        [namespace-uri() = 'http://www.tei-c.org/ns/1.0'][head][not(ancestor::note or ancestor::floatingText)]"/>
  </xsl:function>

  <xsl:function name="te:has-toc" as="xs:boolean">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="exists($doc//text//divGen[@type = 'toc']) or count(te:toc-divisions($doc)) ge $te:toc-minimum"/>
  </xsl:function>

  <!-- Decided once per document (te:toc-anchor asks for every element). -->
  <xsl:variable name="te:toc-shown" as="xs:boolean" select="te:has-toc(/) or $chunk gt 0"/>

  <!-- Does this division get an id for the table of contents to link to? -->
  <xsl:function name="te:toc-anchor" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/head) and (exists($el/self::div) or matches(local-name($el), '^div[1-7]$'))
        and $te:toc-shown"/>
  </xsl:function>

  <xsl:template name="te:toc" as="element()?">
    <xsl:variable name="top" select="te:toc-divisions(/)[empty(ancestor::*[self::div or matches(local-name(), '^div[1-7]$')][head])]"/>
    <xsl:if test="exists($top)">
      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          <xsl:apply-templates select="$top" mode="te:toc"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="te:toc">
    <xsl:variable name="inner" select="descendant::*[self::div or matches(local-name(), '^div[1-7]$')][head]
        [not(ancestor::note or ancestor::floatingText)]
        [ancestor::*[self::div or matches(local-name(), '^div[1-7]$')][head][1] is current()]"/>
    <li>
      <a href="{te:href-to(., te:id(.))}"><xsl:value-of select="te:plain(head[1])"/></a>
      <xsl:if test="exists($inner)">
        <ol><xsl:apply-templates select="$inner" mode="te:toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- divGen type="toc": the table of contents stands where the TEI asks for it. -->
  <xsl:template match="divGen[@type = 'toc']" mode="te:text" as="node()*">
    <xsl:call-template name="te:toc"/>
  </xsl:template>
</xsl:stylesheet>
