<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: marginal marks made by a later reader (metamark, ENCODING.md).
  The span or paragraph a metamark targets is wrapped in an element carrying
  data-bars (one token per line mark: single-line | double-line); pdf.py draws
  those bars after layout beside exactly the lines the wrapper occupies.
  A ? or ! mark becomes a glyph placed in the left margin by print.css, level
  with the first marked line.  The metamark itself prints nothing: the
  translator's note describing it is printed as a note.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="metamark" priority="2"/>

  <!-- Any element of the text that a metamark points at. -->
  <xsl:template match="text//*[@xml:id][key('te:by-target', string(@xml:id))/self::metamark]" priority="3">
    <xsl:variable name="marks" select="key('te:by-target', string(@xml:id))/self::metamark"/>
    <xsl:variable name="bars" select="$marks ! te:bar-token(.)"/>
    <xsl:variable name="glyphs" select="$marks ! te:margin-glyph(.)"/>
    <xsl:variable name="block" select="te:is-block(.)"/>
    <xsl:element name="{if ($block) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'marked' || (if ($block) then ' marked-block' else '')"/>
      <xsl:if test="exists($bars)">
        <xsl:attribute name="data-bars" select="string-join($bars, ' ')"/>
      </xsl:if>
      <xsl:if test="exists($glyphs)">
        <span class="margin-glyph" aria-hidden="true"><xsl:value-of select="string-join($glyphs, '')"/></span>
      </xsl:if>
      <xsl:next-match/>
    </xsl:element>
  </xsl:template>

  <!-- Lines beside the text: single or double; a highlight of unknown form counts as single. -->
  <xsl:function name="te:bar-token" as="xs:string?">
    <xsl:param name="mark" as="element(metamark)"/>
    <xsl:variable name="rend" select="lower-case(normalize-space($mark/@rend))"/>
    <xsl:sequence select="
        if (contains($rend, 'double')) then 'double-line'
        else if (contains($rend, 'line') or ($mark/@function = 'highlight'
                 and not(contains($rend, 'question') or contains($rend, 'exclamation'))))
          then 'single-line'
        else ()"/>
  </xsl:function>

  <xsl:function name="te:margin-glyph" as="xs:string?">
    <xsl:param name="mark" as="element(metamark)"/>
    <xsl:variable name="rend" select="lower-case(normalize-space($mark/@rend))"/>
    <xsl:sequence select="
        if (contains($rend, 'question') or $mark/@function = 'query') then '?'
        else if (contains($rend, 'exclamation') or $mark/@function = 'emphasis') then '!'
        else ()"/>
  </xsl:function>

  <!-- TEI elements that print as blocks (a wrapper around them must be a block too). -->
  <xsl:function name="te:is-block" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(self::p | self::ab | self::div | self::list | self::item
        | self::opener | self::closer | self::postscript | self::head | self::lg | self::table
        | self::floatingText | self::cit[parent::div or parent::body]
        | self::quote[parent::div or parent::body]))"/>
  </xsl:function>
</xsl:stylesheet>
