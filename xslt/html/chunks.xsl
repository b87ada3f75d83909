<?xml version="1.0" encoding="UTF-8"?>
<!--
  A long text in several pages: one page per top-level division (the front
  matter, each division of the body, the back matter), as the TEI Stylesheets
  and TEI Publisher split a monograph.  rendering/chunks.py decides when a text
  is long and names the pages ($chunk-pages: the page of each part, in order);
  $chunk is the part this page shows (0: the whole text on one page); the
  parameters and te:href-to live in common/functions.xsl, as every link uses them.
  Every page keeps the table of contents and a previous/next bar; a link to
  something on another page (a reference, a heading of the contents, an index
  entry) goes to that page; notes and the apparatus list what this page holds.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The parts this page shows, in order. -->
  <xsl:variable name="te:page-units" as="element()*"
      select="$te:chunk-units[position() = index-of($te:chunk-pages, $te:this-page)]"/>

  <!-- The text of this page: the wrappers of <text> around this page's parts only. -->
  <xsl:template match="text[$chunk gt 0]" mode="te:text" priority="2" as="node()*">
    <div class="tei-text">
      <xsl:apply-templates select="$te:page-units[not(parent::body)][. &lt;&lt; ../body]" mode="te:text"/>
      <xsl:if test="$te:page-units/parent::body">
        <div class="tei-body"><xsl:apply-templates select="$te:page-units[parent::body]" mode="te:text"/></div>
      </xsl:if>
      <xsl:apply-templates select="$te:page-units[not(parent::body)][. &gt;&gt; ../body]" mode="te:text"/>
    </div>
  </xsl:template>

  <!-- Previous and next page, and where this one stands: at the top and the foot of each page of a long text. -->
  <xsl:template name="te:chunk-nav" as="element()?">
    <xsl:param name="where" as="xs:string"/>
    <xsl:if test="$chunk gt 0">
      <xsl:variable name="pages" select="distinct-values($te:chunk-pages)"/>
      <xsl:variable name="n" select="index-of($pages, $te:this-page)"/>
      <nav class="chunk-nav" aria-label="Parts of this text ({$where})">
        <xsl:if test="$n gt 1">
          <a class="prev" rel="prev" href="{$pages[$n - 1]}">← <xsl:value-of select="te:chunk-label($pages[$n - 1])"/></a>
        </xsl:if>
        <span class="chunk-position">Page <xsl:value-of select="$n"/> of <xsl:value-of select="count($pages)"/></span>
        <xsl:if test="$n lt count($pages)">
          <a class="next" rel="next" href="{$pages[$n + 1]}"><xsl:value-of select="te:chunk-label($pages[$n + 1])"/> →</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- What a page is called: the heading of its first part, else front matter / back matter / part N. -->
  <xsl:function name="te:chunk-label" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="first" select="index-of($te:chunk-pages, $page)[1]"/>
    <xsl:variable name="unit" select="$te:chunk-units[$first]"/>
    <xsl:sequence select="if ($unit/head) then te:plain($unit/head[1])
        else if ($unit/self::front) then 'Front matter' else if ($unit/self::back) then 'Back matter'
        else 'Part ' || $first"/>
  </xsl:function>
</xsl:stylesheet>
