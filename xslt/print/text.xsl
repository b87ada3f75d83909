<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the TEI text elements (paragraphs, openers and closers,
  signatures, distribution lists, supplied words, gaps, names...).
  Why: the print edition must never lose a word, so every element without a
  template of its own still prints its content, wrapped in an element whose
  class carries its TEI name (tei-NAME).  Brackets the converter turned into
  markup come back here, as ENCODING.md promises.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Visible fallback: unknown elements keep their text. -->
  <xsl:template match="text//*" priority="-1">
    <span class="tei-{local-name()}"><xsl:apply-templates select="node()"/></span>
  </xsl:template>
  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="front | body | back">
    <div class="{local-name()}"><xsl:apply-templates select="node()"/></div>
  </xsl:template>
  <xsl:template match="div">
    <section class="div {te:token(@type)}"><xsl:apply-templates select="node()"/></section>
  </xsl:template>
  <xsl:template match="div/head | body/head">
    <h3 class="head"><xsl:apply-templates select="node()"/></h3>
  </xsl:template>
  <xsl:template match="p | ab">
    <p>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates select="node()"/>
    </p>
  </xsl:template>

  <!-- Document furniture: header lines at the top, signature block at the end. -->
  <xsl:template match="opener | closer | postscript">
    <div class="{local-name()}"><xsl:apply-templates select="node()"/></div>
  </xsl:template>
  <xsl:template match="opener/head | closer/head">
    <p class="doc-head"><xsl:apply-templates select="node()"/></p>
  </xsl:template>
  <xsl:template match="opener/seg | opener/byline | opener/dateline | opener/salute | opener/signed
      | opener/docAuthor | closer/dateline | closer/salute | closer/seg | postscript/seg">
    <p class="{local-name()} {te:token(@type)}"><xsl:apply-templates select="node()"/></p>
  </xsl:template>
  <xsl:template match="signed">
    <p class="signed"><span class="label">Signed</span><xsl:text> </xsl:text><xsl:apply-templates select="node()"/></p>
  </xsl:template>

  <!-- Lists; the distribution list keeps its item numbers. -->
  <xsl:template match="list">
    <div class="list {te:token(@type)}">
      <xsl:apply-templates select="head"/>
      <ul><xsl:apply-templates select="node() except head"/></ul>
    </div>
  </xsl:template>
  <xsl:template match="list/head">
    <p class="list-head"><xsl:apply-templates select="node()"/></p>
  </xsl:template>
  <xsl:template match="item">
    <li>
      <xsl:if test="@n"><span class="item-n"><xsl:value-of select="@n"/> –</span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="node()"/>
    </li>
  </xsl:template>
  <xsl:template match="label">
    <span class="label-text"><xsl:apply-templates select="node()"/></span>
  </xsl:template>

  <!-- Editorial interventions: brackets come back. -->
  <xsl:template match="supplied">
    <span class="supplied">[<xsl:apply-templates select="node()"/>]</span>
  </xsl:template>
  <xsl:template match="sic[not(parent::choice)]">
    <span class="sic"><xsl:apply-templates select="node()"/></span>
    <span class="sic-mark"> [sic]</span>
  </xsl:template>
  <xsl:template match="choice[sic and corr]">
    <span class="corr"><xsl:apply-templates select="corr/node()"/></span>
    <span class="sic-original"> [<span class="label-inline">orig.</span> <xsl:apply-templates select="sic/node()"/>]</span>
  </xsl:template>
  <xsl:template match="choice[abbr and expan]">
    <abbr><xsl:apply-templates select="abbr/node()"/></abbr>
    <span class="expan"> [<xsl:apply-templates select="expan/node()"/>]</span>
  </xsl:template>
  <xsl:template match="choice">
    <xsl:apply-templates select="*[1]"/>
  </xsl:template>
  <xsl:template match="unclear">
    <span class="unclear">[<xsl:apply-templates select="node()"/>]</span>
  </xsl:template>
  <xsl:template match="gap">
    <span class="gap {te:token(@reason)}">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="desc[normalize-space()]"><xsl:apply-templates select="desc/node()"/></xsl:when>
        <xsl:when test="@reason = 'omitted'">…</xsl:when>
        <xsl:when test="@reason = 'signature'">signature</xsl:when>
        <xsl:otherwise><xsl:value-of select="(@reason, 'gap')[1]"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- Quotations with their source; titles in italics. -->
  <xsl:template match="cit">
    <span class="cit"><xsl:apply-templates select="node()"/></span>
  </xsl:template>
  <xsl:template match="quote | q">
    <span class="quote"><xsl:apply-templates select="node()"/></span>
  </xsl:template>
  <xsl:template match="bibl">
    <span class="bibl"><xsl:apply-templates select="node()"/></span>
  </xsl:template>
  <xsl:template match="title">
    <cite class="title"><xsl:apply-templates select="node()"/></cite>
  </xsl:template>
  <xsl:template match="hi">
    <em class="hi {te:token(@rend)}"><xsl:apply-templates select="node()"/></em>
  </xsl:template>
  <xsl:template match="foreign">
    <i lang="{(@xml:lang, 'und')[1]}"><xsl:apply-templates select="node()"/></i>
  </xsl:template>
  <xsl:template match="mentioned">
    <span class="mentioned"><xsl:apply-templates select="node()"/></span>
  </xsl:template>

  <!-- Names, dates, numbers: plain text with a class (and a language for CJK fonts). -->
  <xsl:template match="persName | orgName | placeName | name | rs | date | time | num | idno
      | measure | stamp | seg | s | term | email | roleName | addName | forename | surname">
    <span class="{local-name()}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates select="node()"/>
    </span>
  </xsl:template>

  <xsl:template match="lb"><br/></xsl:template>
  <xsl:template match="pb"/>
  <xsl:template match="milestone">
    <p class="milestone" aria-hidden="true">* * *</p>
  </xsl:template>
  <xsl:template match="space"><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>
