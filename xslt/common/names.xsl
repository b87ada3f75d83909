<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names: persons, organisations and places in the text (mode te:text) and the
  index of names (named template te:index-section, mode te:index).
  Why: a scholar wants to find every mention.  Each mention links to its index
  entry; each index entry (named from the standOff authority list when the
  mention's @ref resolves, else from the mention itself) links back to every
  occurrence.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="te:index" on-no-match="shallow-skip"/>

  <!-- The mentions an index lists. -->
  <xsl:function name="te:mentions" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc//text//(persName | orgName | placeName | name | rs)
        [not(ancestor::persName or ancestor::orgName or ancestor::placeName or ancestor::name or ancestor::rs)]
        [normalize-space()]"/>
  </xsl:function>

  <!--
    The authority entry a mention names: its own @ref, else, for a name without one around a name
    that has one ("Leonid Ilyich <persName ref="#pers-brezhnev">B r e z h n e v</persName>", a
    letter-spaced surname), the inner name's entry: one person, not a second index entry
    without facts.
  -->
  <xsl:function name="te:mention-entry" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="inner" select="$mention[not(normalize-space(@ref))]
        //*[local-name() = local-name($mention)][namespace-uri() = namespace-uri($mention)][normalize-space(@ref)]"/>
    <xsl:sequence select="if (normalize-space($mention/@ref)) then te:targets($mention/@ref)[1]
        else if (count(distinct-values($inner/normalize-space(@ref))) = 1) then te:targets($inner[1]/@ref)[1]
        else ()"/>
  </xsl:function>

  <!-- person, organisation, place or name: the index group of a mention. -->
  <xsl:function name="te:name-kind" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="te:name-kind($mention, te:mention-entry($mention))"/>
  </xsl:function>

  <!-- The same, when the mention's authority entry (or nothing) is already known. -->
  <xsl:function name="te:name-kind" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="
        if ($mention/self::persName or $entry/self::person or $entry/self::personGrp or $mention/@type = 'person') then 'person'
        else if ($mention/self::orgName or $entry/self::org or $mention/@type = ('org', 'organisation', 'organization')) then 'org'
        else if ($mention/self::placeName or $entry/self::place or $mention/@type = 'place') then 'place'
        else 'name'"/>
  </xsl:function>

  <!-- The key an index entry is grouped by: the local entry's id, else kind + the mention's text. -->
  <xsl:function name="te:name-key" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="entry" select="te:mention-entry($mention)"/>
    <xsl:sequence select="if ($entry/@xml:id) then string($entry/@xml:id)
        else te:name-kind($mention) || ':' || lower-case(te:plain($mention))"/>
  </xsl:function>

  <!-- The HTML id of a mention in the text, the target of the index's links. -->
  <xsl:function name="te:mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="if ($mention/@xml:id) then string($mention/@xml:id) else 'mention-' || te:id($mention)"/>
  </xsl:function>

  <xsl:function name="te:index-id" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <!-- ASCII only, so the link and the id match byte for byte; other characters by code point. -->
    <xsl:sequence select="if (matches($key, '^[A-Za-z0-9_.\-]+$')) then 'index-' || $key
        else 'index-' || string-join(for $c in string-to-codepoints($key) return
        if (matches(codepoints-to-string($c), '[A-Za-z0-9_.\-]')) then codepoints-to-string($c)
        else if ($c = (32, 58)) then '_' else 'U' || $c || '_')"/>
  </xsl:function>

  <!-- The label of an authority entry (its preferred name), else the given text. -->
  <xsl:function name="te:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:variable name="preferred" select="($entry/(persName, orgName, placeName, name, label, head)[normalize-space()])[1]"/>
    <xsl:sequence select="if ($preferred) then te:plain($preferred) else $fallback"/>
  </xsl:function>

  <!-- The heading of an index entry: the authority's preferred name, else the mention's text. -->
  <xsl:function name="te:entry-name" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="entry" select="te:mention-entry($mention)"/>
    <xsl:variable name="preferred" select="($entry/(persName, orgName, placeName, name, label, head)[normalize-space()])[1]"/>
    <xsl:sequence select="if ($preferred) then te:plain($preferred) else te:plain($mention)"/>
  </xsl:function>

  <!-- Mentions by index entry: the first mention of each entry is the one that takes a tab stop. -->
  <xsl:key name="te:mentions-by-key" match="persName | orgName | placeName | name | rs" use="te:name-key(.)"/>

  <!--
    Where a mention stands, for the index: "¶ 3" (paragraph of the text), "note 5", or the part ("opener").
    Paragraphs are numbered as the TEI's citeStructure numbers them (writing/declarations.py), so the
    margin, the index, the entity pages and the DTS reference "1.3" name the same paragraph, and ¶ 3 is
    the paragraph whose id is p3: the p elements (not lines, headings or marks: ab) of each division of
    the body, from 1 in each; paragraphs outside such a division are numbered together.
  -->
  <xsl:function name="te:numbered-paragraphs" as="element()*">
    <xsl:param name="scope" as="node()*"/>
    <xsl:sequence select="$scope//p[not(ancestor::note or ancestor::p)]"/>
  </xsl:function>
  <xsl:variable name="te:sections" as="element()*" select="//TEI/text/body/div"/>
  <xsl:variable name="te:paragraph-numbers" as="map(xs:string, xs:integer)" select="map:merge((
      for $section in $te:sections return (let $ps := te:numbered-paragraphs($section)
          return for $i in 1 to count($ps) return map { generate-id($ps[$i]): $i }),
      let $rest := te:numbered-paragraphs(//text)[not(ancestor::div[parent::body/parent::text/parent::TEI])]
      return for $i in 1 to count($rest) return map { generate-id($rest[$i]): $i }))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  <xsl:function name="te:mention-place" as="xs:string*">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="note" select="$mention/ancestor::note[te:is-numbered-note(.)][last()]"/>
    <xsl:variable name="p" select="$mention/ancestor::p[not(ancestor::note or ancestor::p)]
        [map:contains($te:paragraph-numbers, generate-id(.))]" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="part" select="$mention/ancestor::*[self::head or self::opener or self::closer or self::list
        or self::postscript or self::note or self::sp or self::lg][1]"/>
    <!-- short label, spoken label -->
    <xsl:sequence select="
        if ($note) then ('note ' || te:note-number($note), 'note ' || te:note-number($note))
        else if ($p) then ('¶', 'paragraph ' || $te:paragraph-numbers(generate-id($p)), string($te:paragraph-numbers(generate-id($p))))
        else let $name := map { 'head': 'heading', 'opener': 'opening', 'closer': 'closing', 'list': 'list',
            'postscript': 'postscript', 'note': 'note', 'sp': 'speech', 'lg': 'verse' }(local-name($part))
        return (($name, 'text')[1], ($name, 'text')[1])"/>
  </xsl:function>

  <!-- Names link to the page's index; the print edition has none and sets this false. -->
  <xsl:variable name="te:names-link-to-index" as="xs:boolean" select="true()"/>

  <xsl:template match="persName | orgName | placeName | name | rs" mode="te:text" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <!-- In the register (standOff) a name is part of an entry, not a mention the index lists. -->
    <xsl:param name="te:in-register" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="top" select="not($te:in-register) and not(ancestor::persName or ancestor::orgName or ancestor::placeName or ancestor::name or ancestor::rs)"/>
    <xsl:variable name="entry" select="te:mention-entry(.)"/>
    <xsl:variable name="kind" select="te:name-kind(., $entry)"/>
    <xsl:variable name="link" select="$te:names-link-to-index and $top and normalize-space() and not(ancestor::ref or ancestor::ptr)
        and not(.//ref[@target] or .//ptr or .//note[te:is-numbered-note(.)] or te:is-marked(.))"/>
    <xsl:element name="{if ($link) then 'a' else 'span'}">
      <xsl:call-template name="te:attributes">
        <xsl:with-param name="class" select="('name', 'name-' || $kind)"/>
      </xsl:call-template>
      <xsl:if test="$top and not($te:copy) and not(@xml:id)">
        <xsl:attribute name="id" select="te:mention-id(.)"/>
      </xsl:if>
      <xsl:if test="$link">
        <xsl:attribute name="href" select="'#' || te:index-id(if ($entry/@xml:id) then string($entry/@xml:id)
            else $kind || ':' || lower-case(te:plain(.)))"/>
        <!-- One tab stop per person, place or organisation (its first mention); the others still open the index on a click. -->
        <xsl:if test="not(. is key('te:mentions-by-key', te:name-key(.))[not(ancestor::note[te:is-numbered-note(.)])][1])">
          <xsl:attribute name="tabindex" select="'-1'"/>
        </xsl:if>
      </xsl:if>
      <xsl:call-template name="te:margin-marks"/>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
        <xsl:with-param name="te:in-link" tunnel="yes" select="$link"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- The mentions of the document, found once. -->
  <xsl:variable name="te:all-mentions" as="element()*" select="te:mentions(/)"/>

  <!-- Where the collection's entity pages are, relative to the page (build sets it: entities/); empty: none. -->
  <xsl:param name="entities-href" as="xs:string" select="''"/>

  <!--
    The index: persons, organisations, places, other names; each entry links to
    each mention.  Each mention's kind, key and label are computed once (a map
    per mention), which keeps the index cheap on long documents.
  -->
  <xsl:template name="te:index-section" as="element()?">
    <xsl:variable name="mentions" as="map(*)*">
      <xsl:for-each select="$te:all-mentions">
        <xsl:variable name="entry" select="te:mention-entry(.)"/>
        <xsl:variable name="text" select="te:plain(.)"/>
        <xsl:variable name="kind" select="te:name-kind(., $entry)"/>
        <xsl:sequence select="map {
            'kind': $kind,
            'key': if ($entry/@xml:id) then string($entry/@xml:id) else $kind || ':' || lower-case($text),
            'entry': $entry,
            'text': $text,
            'place': te:mention-place(.),
            'id': let $note := ancestor::note[te:is-numbered-note(.)][last()]
                  return te:href-to(., if ($note) then te:note-id($note) else te:mention-id(.)) }"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($mentions)">
      <section id="index" class="name-index" aria-labelledby="index-title">
        <h2 id="index-title">Index of names</h2>
        <xsl:for-each-group select="$mentions" group-by="?kind">
          <xsl:sort select="index-of(('person', 'org', 'place', 'name'), current-grouping-key())"/>
          <xsl:variable name="kind" select="current-grouping-key()"/>
          <section class="index-group index-{$kind}" aria-labelledby="index-title-{$kind}">
            <h3 id="index-title-{$kind}">
              <xsl:value-of select="map { 'person': 'Persons', 'org': 'Organisations', 'place': 'Places', 'name': 'Other names' }($kind)"/>
            </h3>
            <ul class="index-entries">
              <xsl:for-each-group select="current-group()" group-by="?key">
                <xsl:sort select="te:index-sort-key(?entry, te:index-label(?entry, ?text))"/>
                <xsl:variable name="entry" select="?entry"/>
                <xsl:variable name="name" select="te:entry-label($entry, ?text)"/>
                <li id="{te:index-id(current-grouping-key())}">
                  <span class="index-name"><xsl:value-of select="te:index-label($entry, ?text)"/></span>
                  <xsl:apply-templates select="$entry" mode="te:index"/>
                  <xsl:text> </xsl:text>
                  <span class="index-occurrences">
                    <!-- One link per paragraph or note (to its first mention there): a reader looks for places, not counts. -->
                    <xsl:for-each-group select="current-group()" group-by="?place[2]">
                      <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                      <a href="{?id}" title="{string-join(distinct-values(current-group() ! ('“' || ?text || '”')), ', ')}, {?place[2]}{if (count(current-group()) gt 1) then ' (' || count(current-group()) || ' mentions)' else ''}">
                        <xsl:choose>
                          <xsl:when test="?place[1] = '¶'"><span aria-hidden="true">¶ </span><span class="visually-hidden">paragraph </span><xsl:value-of select="?place[3]"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="?place[1]"/></xsl:otherwise>
                        </xsl:choose>
                      </a>
                    </xsl:for-each-group>
                  </span>
                  <xsl:for-each select="$entry[self::person or self::org or self::place][ancestor::standOff]/@xml:id[normalize-space($entities-href)]">
                    <xsl:text> </xsl:text>
                    <a class="index-entity-page" href="{$entities-href}{encode-for-uri(.)}.html">all documents naming <xsl:value-of select="$name"/></a>
                  </xsl:for-each>
                </li>
              </xsl:for-each-group>
            </ul>
          </section>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <!--
    How an index entry is headed: a person whose name marks a family name that does not come
    first is listed by it, as the collection's index lists him ("Brezhnev, Leonid I."; the
    converter marks it: name_order.py); any other name as written ("Kim Il Sung", "Kramer").
  -->
  <xsl:function name="te:index-label" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:variable name="name" select="$entry[self::person]/persName[normalize-space()][1]"/>
    <xsl:variable name="family" select="$name/surname[normalize-space()]"/>
    <xsl:sequence select="
        if (exists($family) and exists($family[1]/preceding-sibling::node()[normalize-space()]))
        then string-join(($family ! te:plain(.)), ' ') || ', ' || te:plain($name/node() except $family)
        else te:entry-label($entry, $fallback)"/>
  </xsl:function>

  <!--
    Where an index entry files: the entry's @sortKey (the converter writes one on each person,
    family name first, as the collection's index orders them: name_order.py), else its heading.
    Case, accents and spaces folded as name_order.py folds them, so keyed and unkeyed entries
    (foreign TEI) interleave.
  -->
  <xsl:function name="te:index-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="te:sort-fold(($entry/@sortKey[normalize-space()], $label)[1])"/>
  </xsl:function>

  <!-- Lower case, no accents, no space after a comma, other runs of spaces one "_" (teidata.word holds no space). -->
  <xsl:function name="te:sort-fold" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="translate(replace(normalize-space(replace(normalize-unicode(lower-case($text), 'NFKD'), '\p{Mn}', '')),
        ',\s+', ','), ' ', '_')"/>
  </xsl:function>

  <!-- Short facts from an authority entry (dates, role, a note), when the list gives them. -->
  <xsl:template match="person | personGrp | org | place" mode="te:index" as="node()*">
    <xsl:variable name="facts" select="(birth, death, floruit, occupation, roleName[not(parent::persName)],
        desc, note, location/geo, country, settlement)[normalize-space()]"/>
    <xsl:if test="exists($facts)">
      <span class="index-facts">
        <xsl:value-of select="' (' || string-join(for $f in $facts return replace(te:plain($f), '\.$', ''), '; ') || ')'"/>
      </span>
    </xsl:if>
    <xsl:for-each select="te:wikidata-id(.)">
      <xsl:text> </xsl:text>
      <a class="authority-id" href="https://www.wikidata.org/wiki/{.}">Wikidata <xsl:value-of select="."/></a>
    </xsl:for-each>
  </xsl:template>

  <!-- The Wikidata id (Q…) of an authority entry, from @sameAs, @ref or an idno. -->
  <xsl:function name="te:wikidata-id" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(for $u in (tokenize(normalize-space(string-join(($entry/@sameAs, $entry/@ref, $entry/@corresp), ' ')), ' '),
            $entry/idno[matches(@type, 'wikidata', 'i') or contains(., 'wikidata.org')] ! normalize-space(.))
        return if (matches($u, '^(https?://(www\.)?wikidata\.org/(entity|wiki)/|wd:)?Q[1-9][0-9]*$'))
               then replace($u, '^.*?(Q[1-9][0-9]*)$', '$1') else ())[1]"/>
  </xsl:function>
</xsl:stylesheet>
