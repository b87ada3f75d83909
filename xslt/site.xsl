<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the collection pages made by teiedition build:
  <catalogue> (the documents' facts, written by building/site.py) becomes
  index.html; <navs> becomes the navigation bars spliced into the document
  pages once the date order is known.  Parameters are passed by site.py.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    exclude-result-prefixes="#all">

  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="site/nav.xsl"/>
  <xsl:import href="site/index.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The index page's stylesheet and sort/filter script (xslt/assets/index.css, index.js), inlined. -->
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="js" as="xs:string" select="''"/>

  <xsl:template match="/" as="node()*">
    <xsl:choose>
      <xsl:when test="catalogue"><xsl:apply-templates select="catalogue" mode="te:index"/></xsl:when>
      <xsl:when test="navs"><xsl:apply-templates select="navs" mode="te:site-nav"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">site.xsl expects catalogue or navs, not <xsl:value-of select="name(*)"/></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
