<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading page's quiet aids (HTML only; print numbers its own way).
  Why (issue 21): the index of names cites "¶ 31", so paragraphs show their
  number in the margin (data-n, drawn by edition.css), and a followed #p31
  link lands on a highlighted paragraph (:target).  A name is linked at its first mention in
  a paragraph only: the seed page linked one party 71 times, and the text read
  as a page of links.  A short heading that ends in a colon ("Reporting:")
  introduces what follows; it is set as a lead-in line, not as a section
  heading.
  Imported after common/, so these templates take over and call the shared
  ones with xsl:next-match.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ¶ n: the number the index of names gives a paragraph (te:paragraph-numbers), shown by edition.css
       in the margin from data-n: not part of the text, so a copied passage carries no numbers. -->
  <xsl:template match="(p | ab)[not(ancestor::note or ancestor::p or ancestor::ab)]" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="$te:paragraph-numbers(generate-id(.))"/>
    <xsl:variable name="box" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($n) and not($te:phrasing) and count($box) eq 1 and $box/self::*">
        <xsl:for-each select="$box">
          <xsl:copy>
            <xsl:sequence select="@*"/>
            <xsl:attribute name="data-n" select="$n"/>
            <xsl:sequence select="node()"/>
          </xsl:copy>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$box"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A later mention of the same entry in the same paragraph: kept as a name (and an anchor), not a link. -->
  <xsl:template match="(persName | orgName | placeName | name | rs)[te:repeated-in-block(.)]" mode="te:text" as="node()*">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:apply-templates select="$out" mode="te:unlink"/>
  </xsl:template>

  <xsl:mode name="te:unlink" on-no-match="shallow-copy"/>
  <xsl:template match="*:a[tokenize(@class) = 'name']" mode="te:unlink">
    <xsl:element name="span" namespace="{namespace-uri(.)}">
      <xsl:sequence select="@* except (@href, @tabindex), node()"/>
    </xsl:element>
  </xsl:template>

  <!-- The block a mention is read in: its paragraph, list item, heading, note, line ... -->
  <xsl:function name="te:name-block" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="$mention/ancestor::*[self::p or self::ab or self::head or self::item or self::note
        or self::cell or self::l or self::salute or self::signed or self::dateline or self::byline][1]"/>
  </xsl:function>

  <xsl:function name="te:repeated-in-block" as="xs:boolean">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="block" select="te:name-block($mention)"/>
    <xsl:sequence select="exists($block) and normalize-space($mention) != ''
        and not($mention/ancestor::*[self::persName or self::orgName or self::placeName or self::name or self::rs])
        and (some $other in $block//(persName | orgName | placeName | name | rs)[. &lt;&lt; $mention]
             satisfies (te:name-block($other) is $block and normalize-space($other) != ''
                        and not($other/ancestor::*[self::persName or self::orgName or self::placeName or self::name or self::rs])
                        and te:name-key($other) = te:name-key($mention)))"/>
  </xsl:function>

  <!-- "Reporting:", "To be seen by:" (a short heading ending in a colon) and "To Comrade …" lead into the
       text after them: a line of the letter, not a section. -->
  <xsl:template match="head[not(parent::list or parent::table or parent::lg or parent::figure or parent::opener
      or parent::closer)][matches(normalize-space(.), '^.{1,40}:$|^(To|For) (Comrades?|Cde\.?) ')]" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="class" select="'lead-in'"/>
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
