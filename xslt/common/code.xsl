<?xml version="1.0" encoding="UTF-8"?>
<!--
  Markup shown as markup, and mathematics as mathematics.
  egXML (TEI examples, namespace http://www.tei-c.org/ns/Examples) is printed
  as escaped, highlighted code: a reader of the Guidelines or of a project's
  documentation sees the example's tags, not its text run together.
  formula holding MathML is passed through as MathML, which browsers lay out
  natively (MathML Core).  Only MathML elements and presentation attributes are
  copied: no annotation-xml (it can hold HTML, and so script), no href, no event
  handlers, so a stranger's file cannot put active content into the page.
  print/math.xsl sets the same formula as linear text for paper.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ===== egXML: escaped, highlighted code ===== -->

  <xsl:template match="eg:egXML" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'code' else 'pre'}">
      <xsl:attribute name="class" select="'tei-egXML code' || (if ($te:phrasing) then ' block' else '')"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:id(.)"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$te:phrasing"><xsl:apply-templates mode="te:markup"/></xsl:when>
        <xsl:otherwise><code><xsl:apply-templates mode="te:markup"/></code></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- The example as written, without the empty first line that follows the egXML tag. -->
  <xsl:template match="eg:egXML/text()[1][not(preceding-sibling::*)]" mode="te:markup" priority="1">
    <xsl:value-of select="replace(., '^\s*\n', '')"/>
  </xsl:template>

  <xsl:template match="*" mode="te:markup">
    <span class="xml-tag">&lt;<xsl:value-of select="name()"/></span>
    <xsl:for-each select="@*">
      <xsl:text> </xsl:text>
      <span class="xml-attr"><xsl:value-of select="name()"/></span>
      <xsl:text>=</xsl:text>
      <span class="xml-value">"<xsl:value-of select="."/>"</span>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <span class="xml-tag">&gt;</span>
        <xsl:apply-templates mode="te:markup"/>
        <span class="xml-tag">&lt;/<xsl:value-of select="name()"/>&gt;</span>
      </xsl:when>
      <xsl:otherwise><span class="xml-tag">/&gt;</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="comment()" mode="te:markup">
    <span class="xml-comment">&lt;!--<xsl:value-of select="."/>--&gt;</span>
  </xsl:template>
  <xsl:template match="processing-instruction()" mode="te:markup">
    <span class="xml-pi">&lt;?<xsl:value-of select="name()"/><xsl:text> </xsl:text><xsl:value-of select="."/>?&gt;</span>
  </xsl:template>
  <xsl:template match="text()" mode="te:markup">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- ===== MathML passed through ===== -->

  <xsl:template match="mml:math" mode="te:text" as="node()*">
    <xsl:apply-templates select="." mode="te:mathml"/>
  </xsl:template>

  <!-- MathML Core's presentation attributes (no href, no event handlers, no style). -->
  <xsl:variable name="te:mathml-attributes" as="xs:string*" select="('display', 'displaystyle',
      'mathvariant', 'mathsize', 'scriptlevel', 'fence', 'form', 'largeop', 'lspace', 'rspace',
      'maxsize', 'minsize', 'movablelimits', 'separator', 'stretchy', 'symmetric', 'accent',
      'accentunder', 'linethickness', 'columnalign', 'rowalign', 'columnspan', 'rowspan',
      'depth', 'height', 'width', 'voffset', 'notation', 'dir', 'alttext')"/>

  <xsl:template match="mml:*" mode="te:mathml">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[namespace-uri() = ''][local-name() = $te:mathml-attributes]"/>
      <xsl:apply-templates mode="te:mathml"/>
    </xsl:element>
  </xsl:template>
  <!-- semantics: the presentation (its first child) only; annotations are for machines. -->
  <xsl:template match="mml:semantics" mode="te:mathml">
    <xsl:apply-templates select="*[1]" mode="te:mathml"/>
  </xsl:template>
  <xsl:template match="mml:annotation | mml:annotation-xml" mode="te:mathml"/>
  <!-- Anything not MathML inside math keeps its text, as plain text. -->
  <xsl:template match="*" mode="te:mathml">
    <xsl:element name="mtext" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="te:mathml"/>

  <!-- A formula: the MathML (or TeX, or text) it holds, as a phrase or a display block. -->
  <xsl:template match="formula" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="class" select="('formula', if (@rend = 'display' or mml:math/@display = 'block') then 'display' else ())"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
