<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collection's navigation bar and build line on a document page.
  Why: a reader who arrives at one edition must reach the collection's index
  and the documents before and after it (by date) without a server.  The
  same template makes the bar in the page (html.xsl, with what the worker
  knows) and later in site.xsl (mode te:site-nav, once the date order of
  the whole collection is known), so the markup has one source.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    exclude-result-prefixes="#all">

  <!-- One neighbour link, or a plain label when there is none. -->
  <xsl:template name="te:neighbour" as="element()">
    <xsl:param name="rel" as="xs:string"/>
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="date" as="xs:string"/>
    <xsl:variable name="label" select="if ($rel eq 'prev') then '← Previous' else 'Next →'"/>
    <xsl:choose>
      <xsl:when test="normalize-space($href)">
        <a class="{$rel}" rel="{$rel}" href="{$href}">
          <span class="nav-dir"><xsl:value-of select="$label"/></span>
          <xsl:text> </xsl:text>
          <span class="nav-title"><xsl:value-of select="$title"/></span>
          <xsl:if test="normalize-space($date)">
            <xsl:text> </xsl:text>
            <time class="nav-date" datetime="{$date}"><xsl:value-of select="te:human-date($date)"/></time>
          </xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$rel} nav-none"><xsl:value-of
            select="if ($rel eq 'prev') then 'First document' else 'Last document'"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The bar: index, previous, next.  Nothing when the page is not part of a collection. -->
  <xsl:template name="te:collection-nav" as="element()?">
    <xsl:param name="index-href" as="xs:string"/>
    <xsl:param name="prev-href" as="xs:string" select="''"/>
    <xsl:param name="prev-title" as="xs:string" select="''"/>
    <xsl:param name="prev-date" as="xs:string" select="''"/>
    <xsl:param name="next-href" as="xs:string" select="''"/>
    <xsl:param name="next-title" as="xs:string" select="''"/>
    <xsl:param name="next-date" as="xs:string" select="''"/>
    <xsl:if test="normalize-space($index-href)">
      <nav class="collection-nav" aria-label="Collection">
        <a class="to-index" rel="index" href="{$index-href}">All documents</a>
        <xsl:call-template name="te:neighbour">
          <xsl:with-param name="rel" select="'prev'"/>
          <xsl:with-param name="href" select="$prev-href"/>
          <xsl:with-param name="title" select="$prev-title"/>
          <xsl:with-param name="date" select="$prev-date"/>
        </xsl:call-template>
        <xsl:call-template name="te:neighbour">
          <xsl:with-param name="rel" select="'next'"/>
          <xsl:with-param name="href" select="$next-href"/>
          <xsl:with-param name="title" select="$next-title"/>
          <xsl:with-param name="date" select="$next-date"/>
        </xsl:call-template>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- "Built on DATE with teiedition VERSION": the run date, so equal runs give equal pages. -->
  <xsl:template name="te:build-line" as="element()?">
    <xsl:param name="version" as="xs:string"/>
    <xsl:param name="date" as="xs:string"/>
    <xsl:if test="normalize-space($version) or normalize-space($date)">
      <p class="build-line">
        <xsl:text>Built</xsl:text>
        <xsl:if test="normalize-space($date)">
          <xsl:text> on </xsl:text>
          <time datetime="{$date}"><xsl:value-of select="te:human-date($date)"/></time>
        </xsl:if>
        <xsl:if test="normalize-space($version)">
          <xsl:text> with teiedition </xsl:text>
          <span class="version"><xsl:value-of select="$version"/></span>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- site.xsl: one bar per <page> of a <navs> request, in order (build splices each into its page). -->
  <xsl:template match="navs" mode="te:site-nav" as="element()*">
    <xsl:variable name="index" select="string(@index-href)"/>
    <xsl:for-each select="page">
      <xsl:call-template name="te:collection-nav">
        <xsl:with-param name="index-href" select="$index"/>
        <xsl:with-param name="prev-href" select="string(@prev-href)"/>
        <xsl:with-param name="prev-title" select="string(@prev-title)"/>
        <xsl:with-param name="prev-date" select="string(@prev-date)"/>
        <xsl:with-param name="next-href" select="string(@next-href)"/>
        <xsl:with-param name="next-title" select="string(@next-title)"/>
        <xsl:with-param name="next-date" select="string(@next-date)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
