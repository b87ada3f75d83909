<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: marginal marks made by a later reader (metamark, ENCODING.md).
  The shared templates call te:margin-marks at the start of every element a
  metamark points at; for print it puts data-bars on that element (one token
  per line mark: single-line | double-line) and a ? or ! glyph as its first
  child.  teiedition.pdf draws the bars after layout beside exactly the lines
  the element occupies, even when it starts mid-line or crosses a page;
  print.css puts the glyph in the left margin level with the first marked
  line.  A metamark whose target cannot be resolved is marked where it stands.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="te:margin-marks">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="@xml:id and not($te:copy)">
      <xsl:call-template name="te:print-marks">
        <xsl:with-param name="marks" select="key('te:by-target', string(@xml:id))[self::metamark]"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A mark without a resolvable target: an empty anchor on its own line gets the mark. -->
  <xsl:template name="te:margin-mark">
    <xsl:param name="slot" as="xs:integer" select="1"/>
    <xsl:param name="inline" as="xs:boolean" select="true()"/>
    <xsl:param name="target" as="xs:string" select="''"/>
    <span class="mark-anchor">
      <xsl:call-template name="te:print-marks">
        <xsl:with-param name="marks" select="."/>
      </xsl:call-template>
      <xsl:text>&#x200B;</xsl:text>
    </span>
  </xsl:template>

  <!-- Must run before any child is output: it adds an attribute to the element being built. -->
  <xsl:template name="te:print-marks">
    <xsl:param name="marks" as="element()*"/>
    <xsl:variable name="kinds" select="$marks ! te:mark-kind(.)"/>
    <!-- A bar whose placement is uncertain (@cert low or medium) is drawn dotted: "single-line~dotted". -->
    <xsl:variable name="bars" select="$marks[te:mark-kind(.) = ('single-line', 'double-line')]
        ! (te:mark-kind(.) || (if (@cert = ('low', 'medium')) then '~dotted' else ''))"/>
    <xsl:variable name="glyphs" select="$kinds ! te:mark-glyph(.)"/>
    <xsl:if test="exists($bars)">
      <xsl:attribute name="data-bars" select="string-join($bars, ' ')"/>
    </xsl:if>
    <xsl:if test="string-join($glyphs)">
      <span class="margin-glyph" aria-hidden="true"><xsl:value-of select="string-join($glyphs, '')"/></span>
    </xsl:if>
  </xsl:template>

  <!-- The metamark itself prints nothing but a resolvable-target-less anchor (see above). -->
  <xsl:template match="metamark" mode="te:text" priority="1">
    <xsl:if test="empty(te:targets(@target))">
      <xsl:call-template name="te:margin-mark"/>
    </xsl:if>
    <xsl:if test="normalize-space()">
      <span class="tei-metamark metamark-text"><xsl:apply-templates mode="te:text"/></span>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
