<?xml version="1.0" encoding="UTF-8"?>
<!--
  Documentary transcriptions (sourceDoc: surfaces, zones, lines) and
  stand-off registers (standOff: lists of persons, places, organisations,
  events, bibliographies) in mode te:text.
  Why: many projects keep their whole content there (a genetic edition's
  pages, a register of persons) and no <text> at all; a reader must see every
  word of it.  A surface is a page (its label from @n, a folio or its id),
  a zone a region of it, a line one line; a register entry is shown with all
  its names and facts.  Entries that the text's names point at are already in
  the index of names and are not repeated.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ===== sourceDoc ===== -->

  <!-- The heading level inside the document: h2 for a sourceDoc, one deeper per surface group or surface. -->
  <xsl:function name="te:source-level" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="'h' || min((6, 2 + count($el/ancestor::*[self::surfaceGrp or self::surface])
        + (if ($el/self::sourceDoc) then 0 else 1)))"/>
  </xsl:function>

  <!-- "Surface 1v", "Page 2" ...: what a reader calls a surface. -->
  <xsl:function name="te:surface-label" as="xs:string">
    <xsl:param name="s" as="element()"/>
    <xsl:variable name="folio" select="$s/@*[local-name() = 'folio'][normalize-space()]"/>
    <xsl:variable name="kind" select="if ($s/self::surfaceGrp) then 'Group' else if ($s/self::sourceDoc) then 'Source document' else 'Surface'"/>
    <xsl:sequence select="if ($s/label[normalize-space()]) then te:plain(($s/label)[1])
        else if (normalize-space($s/@n)) then $kind || ' ' || replace(normalize-space($s/@n), '_', ' ')
        else if ($folio) then 'Folio ' || normalize-space($folio[1])
        else if ($s/@xml:id) then $kind || ' ' || $s/@xml:id
        else $kind || ' ' || (count($s/preceding-sibling::*[local-name() = local-name($s)]) + 1)"/>
  </xsl:function>

  <xsl:template match="sourceDoc | surfaceGrp | surface" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'section'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('source-part', if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:element name="{if ($te:phrasing) then 'span' else te:source-level(.)}">
        <xsl:attribute name="class" select="'source-label' || (if ($te:phrasing) then ' block' else '')"/>
        <xsl:value-of select="if (self::sourceDoc) then 'Transcription of the source' || (if (normalize-space(@n)) then ' ' || @n else '')
            else te:surface-label(.)"/>
      </xsl:element>
      <xsl:apply-templates select="node() except label" mode="te:text"/>
    </xsl:element>
  </xsl:template>

  <!-- A zone: a region of the surface (main text, margin, library foliation ...), labelled by its type. -->
  <xsl:template match="zone" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="blocks" select="exists(line | zone | surface | p | ab | lg | list)"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('source-zone', if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(@type) and not(@type = 'main')">
        <span class="zone-label editorial">[<xsl:value-of select="replace(@type, '[-_]', ' ')"/>] </span>
      </xsl:if>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not($blocks)"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A line of the source: one line on the page, always (this is what the transcription records). -->
  <xsl:template match="line" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('source-line', if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Genetic markup: a modification groups its deletions and additions. -->
  <xsl:template match="mod | retrace | redo | undo | transpose" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

  <!-- A milestone or anchor that only marks where a span starts or ends shows nothing. -->
  <xsl:template match="milestone[@spanTo] | anchor" mode="te:text" priority="2" as="node()*">
    <xsl:if test="@xml:id">
      <span class="tei-{local-name()}" id="{@xml:id}"></span>
    </xsl:if>
  </xsl:template>

  <!-- A footnote call whose note is not on the page (anchor[@type="footnote"][@n]): its number, raised. -->
  <xsl:template match="anchor[@type = 'footnote'][@n]" mode="te:text" priority="3" as="element()">
    <sup class="tei-anchor footnote-call" title="Footnote {@n}: its text is not on the source page">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:value-of select="@n"/>
    </sup>
  </xsl:template>

  <!-- ===== standOff ===== -->

  <!-- The entries of standOff that no name in the text points at (those are in the index already). -->
  <xsl:function name="te:register-entries" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="cited" select="($te:all-mentions/@ref ! tokenize(normalize-space(.), ' ')[starts-with(., '#')] ! substring(., 2),
        $te:all-mentions ! te:mention-entry(.)/@xml:id ! string(.))"/>
    <xsl:sequence select="$doc//standOff//(person | personGrp | place | org | event | bibl | biblStruct | item | entry | relation | nym | object)
        [not(ancestor::person or ancestor::personGrp or ancestor::place or ancestor::org or ancestor::event
             or ancestor::bibl or ancestor::biblStruct or ancestor::item or ancestor::entry or ancestor::nym or ancestor::object)]
        [not(@xml:id = $cited)]"/>
  </xsl:function>

  <xsl:template name="te:register-section" as="element()?">
    <xsl:variable name="entries" select="te:register-entries(/)"/>
    <!-- standOff text outside any entry (an annotation, a note) is shown too. -->
    <xsl:variable name="loose" select="//standOff/(* except (listPerson, listPlace, listOrg, listEvent, listBibl, list,
        listRelation, listNym, listObject, listAnnotation))[normalize-space()]"/>
    <xsl:if test="exists($entries) or exists($loose)">
      <section id="register" class="register" aria-labelledby="register-title">
        <h2 id="register-title">Register</h2>
        <xsl:for-each-group select="$entries" group-by="generate-id(..)">
          <xsl:variable name="list" select="current-group()[1]/.."/>
          <section class="register-list tei-{local-name($list)}">
            <h3>
              <xsl:value-of select="($list/head[normalize-space()] ! te:plain(.),
                  map { 'listPerson': 'Persons', 'listPlace': 'Places', 'listOrg': 'Organisations', 'listEvent': 'Events',
                        'listBibl': 'Bibliography', 'listRelation': 'Relations', 'listNym': 'Names', 'listObject': 'Objects' }(local-name($list)),
                  'Entries')[1]"/>
            </h3>
            <xsl:if test="$list/head[2]">
              <xsl:apply-templates select="$list/head[position() gt 1]" mode="te:register"/>
            </xsl:if>
            <ul class="register-entries">
              <xsl:for-each select="current-group()">
                <xsl:apply-templates select="." mode="te:register"/>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:for-each-group>
        <xsl:for-each select="$loose">
          <div class="register-other">
            <xsl:apply-templates select="." mode="te:text"/>
          </div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="te:register" on-no-match="shallow-skip"/>

  <!-- A citation written as prose (a bibl with words between its fields: "<title>…</title>, oprac. Z. Szeps,
       <pubPlace>…"): read as written, since its fields alone would drop those words. -->
  <xsl:template match="bibl[text()[matches(., '\w')]]" mode="te:register" as="element()" priority="1">
    <li>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="'register-entry tei-bibl'"/>
      <xsl:apply-templates select="node()" mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
        <xsl:with-param name="te:in-register" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </li>
  </xsl:template>

  <!-- One entry: its main name in bold, then every other name and fact, each labelled by what it is. -->
  <xsl:template match="*" mode="te:register" as="element()">
    <xsl:variable name="names" select="(persName, placeName, orgName, name, label, title, head, eventName)[normalize-space()]"/>
    <xsl:variable name="main" select="($names[@type = ('main', 'full', 'reg')], $names)[1]"/>
    <li>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="'register-entry tei-' || local-name()"/>
      <xsl:choose>
        <xsl:when test="$main">
          <strong class="register-name"><xsl:value-of select="te:plain($main)"/></strong>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node()" mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            <xsl:with-param name="te:in-register" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="wikidata" select="te:wikidata-id(.)"/>
      <xsl:if test="$wikidata">
        <xsl:text> </xsl:text>
        <a class="authority-id" href="https://www.wikidata.org/wiki/{$wikidata}">Wikidata <xsl:value-of select="$wikidata"/></a>
      </xsl:if>
      <xsl:if test="$main">
        <xsl:variable name="facts" select="* except $main"/>
        <xsl:if test="exists($facts[normalize-space() or @when or @target])">
          <dl class="register-facts">
            <!-- Facts of one kind on one line: "Also called: A; B; C", "Occupation: X; Y". -->
            <xsl:for-each-group select="$facts[normalize-space() or @when or @target]" group-by="te:fact-label(.)">
              <div class="register-fact">
                <dt><xsl:value-of select="current-grouping-key()"/></dt>
                <dd>
                  <xsl:for-each select="current-group()">
                  <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
                  <xsl:choose>
                    <xsl:when test="not(normalize-space()) and (@when or .//@when)">
                      <xsl:value-of select="string-join(descendant-or-self::*/@when ! te:human-date(.), ', ')"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:apply-templates mode="te:text">
                        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
                        <xsl:with-param name="te:in-register" tunnel="yes" select="true()"/>
                      </xsl:apply-templates>
                      <xsl:for-each select="(self::*[not(normalize-space())] | .//date[not(normalize-space())])/@when">
                        <xsl:value-of select="(if (position() = 1 and not(normalize-space(..))) then '' else ' ') || te:human-date(.)"/>
                      </xsl:for-each>
                    </xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="@target and not(normalize-space())">
                    <xsl:variable name="href" select="te:safe-href(@target)"/>
                    <xsl:choose>
                      <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="@target"/></a></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:if>
                  </xsl:for-each>
                </dd>
              </div>
            </xsl:for-each-group>
          </dl>
        </xsl:if>
      </xsl:if>
    </li>
  </xsl:template>
  <xsl:template match="head" mode="te:register" as="element()" priority="2">
    <p class="register-head"><xsl:value-of select="te:plain(.)"/></p>
  </xsl:template>

  <!-- "Birth", "Variant name", "Note (bio, en)": the label of a fact in a register entry. -->
  <xsl:function name="te:fact-label" as="xs:string">
    <xsl:param name="f" as="element()"/>
    <xsl:variable name="name" select="upper-case(substring(local-name($f), 1, 1)) || lower-case(replace(substring(local-name($f), 2), '([A-Z])', ' $1'))"/>
    <xsl:variable name="qual" select="string-join(($f/@type[not(. = 'main')], $f/@xml:lang) ! replace(., '[-_]', ' '), ', ')"/>
    <xsl:sequence select="if (matches(local-name($f), 'Name$') and $f/@type = ('variant', 'alt', 'sort'))
        then (if ($f/@type = 'sort') then 'Sort key' else 'Also called')
        else $name || (if ($qual) then ' (' || $qual || ')' else '')"/>
  </xsl:function>
</xsl:stylesheet>
