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
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ¶ n: the number the index of names gives a paragraph (te:paragraph-numbers), shown by edition.css
       in the margin from data-n: not part of the text, so a copied passage carries no numbers.
       common/text.xsl's paragraph with one attribute more (built in place: copying every paragraph's
       output after the fact cost a third of the page's transform). -->
  <xsl:template match="(p | ab[not(@type = 'heading')])[not(ancestor::note or ancestor::p or ancestor::ab)]" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="blocks" select="te:holds-blocks(.)"/>
    <xsl:variable name="n" select="$te:paragraph-numbers(generate-id(.))"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else if ($blocks) then 'div' else 'p'}">
      <xsl:if test="exists($n) and not($te:phrasing)"><xsl:attribute name="data-n" select="$n"/></xsl:if>
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if ($te:phrasing) then 'block' else ()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not($blocks)"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A later mention of the same entry in the same paragraph: kept as a name (and an anchor), not a link. -->
  <xsl:template match="(persName | orgName | placeName | name | rs)[map:contains($te:repeated-mentions, generate-id(.))]"
      mode="te:text" as="node()*">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:apply-templates select="$out" mode="te:unlink"/>
  </xsl:template>

  <xsl:mode name="te:unlink" on-no-match="shallow-copy"/>
  <xsl:template match="*:a[tokenize(@class) = 'name']" mode="te:unlink">
    <xsl:element name="span" namespace="{namespace-uri(.)}">
      <xsl:sequence select="@* except (@href, @tabindex), node()"/>
    </xsl:element>
  </xsl:template>

  <!-- The mentions (te:all-mentions: outermost names, in document order) that repeat an entry already
       named in the same block (paragraph, list item, heading, note, line ...), found once per page. -->
  <xsl:variable name="te:repeated-mentions" as="map(xs:string, xs:boolean)">
    <xsl:map>
      <xsl:for-each-group select="$te:all-mentions[exists(te:name-block(.))]"
          group-by="generate-id(te:name-block(.)) || ' ' || te:name-key(.)">
        <xsl:for-each select="subsequence(current-group(), 2)">
          <xsl:map-entry key="generate-id(.)" select="true()"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="te:name-block" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="$mention/ancestor::*[self::p or self::ab or self::head or self::item or self::note
        or self::cell or self::l or self::salute or self::signed or self::dateline or self::byline][1]"/>
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
