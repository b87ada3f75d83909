<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TEI header as the reader needs it: title, date, summary, archival source,
  credits (author, obtainer, translator, funder), publisher and rights, a
  "How to cite" text, the editorial conventions, and machine-readable
  citation metadata (Highwire citation_* tags read by Zotero and Google
  Scholar, and Dublin Core).
  Why: a scholar must be able to cite and trust the document without opening the XML.
  Works with any TEI header: every part is optional.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="te:header" on-no-match="text-only-copy" use-accumulators="#all"/>

  <!-- ===== facts from the header ===== -->

  <!-- The title: the citation record's for the document rendered (decided in facts.py), else the same rule here
       (for the members of a corpus, and for a stylesheet run without the record). -->
  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="if ($doc instance of document-node() and normalize-space($te:record?title)) then $te:record?title
        else te:title-of($doc)"/>
  </xsl:function>
  <xsl:function name="te:title-of" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="t" select="($doc//teiHeader/fileDesc/titleStmt/title[not(@type = ('sub', 'alt', 'short'))],
        $doc//teiHeader/fileDesc/titleStmt/title, $doc//text//docTitle, $doc//text//head)[normalize-space()][1]"/>
    <xsl:sequence select="if ($t) then te:plain($t) else 'Untitled TEI document'"/>
  </xsl:function>

  <!-- The document's own date (when it was written), as an element carrying @when or text. -->
  <xsl:function name="te:doc-date" as="element()?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="($doc//teiHeader/profileDesc/creation//date, $doc//teiHeader/fileDesc/sourceDesc//date,
        $doc//text//docDate, $doc//text//dateline//date)[normalize-space() or @when][1]"/>
  </xsl:function>

  <xsl:function name="te:date-text" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="if (empty($date)) then ''
        else if ($date/@when) then te:human-date($date/@when)
        else te:plain($date)"/>
  </xsl:function>

  <!--
    The source's citation: the verbatim archival reference when the header keeps it, else one
    built from msIdentifier, else the first bibliographic description (bibl, biblStruct,
    biblFull).  Prose paragraphs of sourceDesc are not a citation ("A scan of the original is
    available ...", "Converted from a LaTeX source"): they are shown as the source's description
    (te:source-description), never cited.
  -->
  <xsl:function name="te:source-citation" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="sd" select="$doc//teiHeader/fileDesc/sourceDesc"/>
    <xsl:variable name="ms" select="$sd/msDesc[1]"/>
    <xsl:variable name="verbatim" select="($ms/msIdentifier/altIdentifier/idno)[normalize-space()][1]"/>
    <xsl:sequence select="
        if ($verbatim) then te:plain($verbatim)
        else if ($ms) then string-join(($ms/msIdentifier/(settlement, repository, collection, idno, msName)[normalize-space()] ! te:plain(.),
            $ms//msItem/locus[normalize-space()][1] ! te:plain(.)), ', ')
        else string(($sd/(bibl | biblStruct | biblFull)[normalize-space()])[1] ! te:plain(.))"/>
  </xsl:function>

  <!-- sourceDesc's own prose: what the file says of its source, in its words. -->
  <xsl:function name="te:source-description" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="string-join($doc//teiHeader/fileDesc/sourceDesc/p[normalize-space()] ! te:plain(.), ' ')"/>
  </xsl:function>

  <!-- The header's authors, one string per person or body: an author naming several (persName
       persName) counts as several; ids, e-mail and addresses inside are not part of a name. -->
  <xsl:function name="te:author-names" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="for $a in $doc//teiHeader/fileDesc/titleStmt/author[normalize-space()]
        return (if (count($a/(persName | name | orgName)) ge 2) then $a/(persName | name | orgName) else $a)[normalize-space()] ! te:plain(.)"/>
  </xsl:function>

  <!-- "translated by", "obtained by" ...: a respStmt's role as a phrase for a sentence. -->
  <xsl:function name="te:resp-phrase" as="xs:string">
    <xsl:param name="resp" as="element()"/>
    <xsl:variable name="r" select="lower-case(te:plain($resp/resp))"/>
    <xsl:sequence select="
        if (matches($r, 'by\s*$')) then $r
        else if (matches($r, 'transl')) then 'translated by'
        else if (matches($r, 'obtain')) then 'obtained by'
        else if (matches($r, 'encod|mark')) then 'encoded by'
        else if (matches($r, 'edit')) then 'edited by'
        else if (matches($r, 'transcri')) then 'transcribed by'
        else $r || ':'"/>
  </xsl:function>

  <xsl:function name="te:names" as="xs:string">
    <xsl:param name="names" as="element()*"/>
    <xsl:sequence select="te:join-names($names ! te:plain(.))"/>
  </xsl:function>

  <!-- "A", "A and B", "A, B and C". -->
  <xsl:function name="te:join-names" as="xs:string">
    <xsl:param name="n" as="xs:string*"/>
    <xsl:sequence select="if (count($n) le 2) then string-join($n, ' and ')
        else string-join($n[position() lt last()], ', ') || ' and ' || $n[last()]"/>
  </xsl:function>

  <!--
    A respStmt's role (translator, obtainer, encoder or other): its resp/@key, a MARC
    relator code (trl, dnr, mrk), when it has one; else read from the words of resp,
    for TEI from other projects.
  -->
  <xsl:function name="te:resp-role" as="xs:string">
    <xsl:param name="resp" as="element()"/>
    <xsl:variable name="key" select="string($resp/resp[@key][1]/@key)"/>
    <xsl:variable name="phrase" select="te:resp-phrase($resp)"/>
    <xsl:sequence select="
        if ($key) then (if ($key = 'trl') then 'translator' else if ($key = 'dnr') then 'obtainer'
                        else if ($key = 'mrk') then 'encoder' else 'other')
        else if ($phrase = 'translated by') then 'translator'
        else if (starts-with($phrase, 'obtained')) then 'obtainer'
        else if ($phrase = 'encoded by') then 'encoder'
        else 'other'"/>
  </xsl:function>

  <!--
    The people to credit in the masthead: the respStmts of titleStmt except the
    encoding (software or encoder), obtainers first, then translators, then the rest.
  -->
  <xsl:function name="te:credited" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <!-- A statement that the page names nobody ("translator not named on the page") credits nobody (as facts.py). -->
    <xsl:variable name="all" select="$doc//teiHeader/fileDesc/titleStmt/respStmt[resp and (persName | name | orgName)]
        [not(@xml:id = 'encoder' or te:resp-role(.) = 'encoder')][not(contains(string-join(resp, ' '), 'not named'))]"/>
    <xsl:sequence select="$all[te:resp-role(.) = 'obtainer'], $all[te:resp-role(.) = 'translator'],
        $all[not(te:resp-role(.) = ('obtainer', 'translator'))]"/>
  </xsl:function>

  <xsl:function name="te:publisher" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="string-join($doc//teiHeader/fileDesc/publicationStmt/(publisher, distributor, authority)[normalize-space()] ! te:plain(.), ', ')"/>
  </xsl:function>

  <!--
    The document's citation, decided once in Python (teiedition/facts.py, teiedition/citing.py) and
    given as one JSON parameter: title, url (the header's own address, else the page's under
    the base URL), cite ("How to cite", citeproc-py's Chicago rendering), meta (the head's
    name/content pairs), jsonld (schema.org ArchiveComponent), coins (a COinS span's title) and pdf
    (the PDF's title, authors, subject, keywords).  The stylesheets print it; they never re-decide it.
  -->
  <xsl:param name="citation" as="xs:string" select="''"/>
  <xsl:variable name="te:record" as="map(*)" select="if (normalize-space($citation)) then parse-json($citation) else map{}"/>

  <!-- The page's permanent address, from the citation record (empty when it has none). -->
  <xsl:function name="te:permanent-url" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="page-url" as="xs:string?"/>
    <xsl:sequence select="$te:record?url[normalize-space()]"/>
  </xsl:function>

  <!-- The archive that holds the original: repository, settlement, country. -->
  <xsl:function name="te:archive" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="id" select="($doc//teiHeader/fileDesc/sourceDesc/msDesc)[1]/msIdentifier"/>
    <xsl:sequence select="string-join(($id/repository, $id/settlement, $id/country)[normalize-space()] ! te:plain(.), ', ')"/>
  </xsl:function>

  <xsl:template name="te:masthead" as="element()">
    <xsl:param name="page-url" as="xs:string?" select="()"/>
    <xsl:variable name="date" select="te:doc-date(/)"/>
    <xsl:variable name="h" select="//teiHeader"/>
    <header class="masthead">
      <p class="masthead-kicker">
        <xsl:value-of select="(te:publisher(/)[normalize-space()], 'TEI edition')[1]"/>
      </p>
      <h1 id="title"><xsl:value-of select="te:title(/)"/></h1>
      <xsl:for-each select="$h/fileDesc/titleStmt/title[@type = 'sub'][normalize-space()]">
        <p class="subtitle"><xsl:value-of select="te:plain(.)"/></p>
      </xsl:for-each>
      <xsl:if test="$date">
        <p class="masthead-date">
          <xsl:choose>
            <xsl:when test="matches($date/@when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
              <time datetime="{$date/@when}"><xsl:value-of select="te:date-text($date)"/></time>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="te:date-text($date)"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
      <xsl:for-each select="($h/profileDesc/abstract[normalize-space()])[1]">
        <div class="summary" role="doc-abstract" aria-label="Summary">
          <xsl:apply-templates mode="te:header"/>
        </div>
      </xsl:for-each>
      <dl class="essentials">
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="value" select="te:archive(/)"/>
        </xsl:call-template>
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="if (//teiHeader/fileDesc/sourceDesc/msDesc) then 'Archival citation' else 'Source'"/>
          <xsl:with-param name="value" select="te:source-citation(/)"/>
          <xsl:with-param name="class" select="'source-citation'"/>
        </xsl:call-template>
        <xsl:for-each select="te:credited(/)">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="let $p := te:resp-phrase(.) return upper-case(substring($p, 1, 1)) || substring(replace($p, ':$', ''), 2)"/>
            <xsl:with-param name="value" select="te:names(persName | name | orgName)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="te:permanent-url(/, $page-url)">
          <div class="fact permanent-url">
            <dt>Permanent URL</dt>
            <dd><a href="{.}"><xsl:value-of select="."/></a></dd>
          </div>
        </xsl:for-each>
      </dl>
      <xsl:call-template name="te:cite-section">
        <xsl:with-param name="url" select="te:permanent-url(/, $page-url)"/>
      </xsl:call-template>
    </header>
  </xsl:template>

  <!-- ===== about this document: summary, source, credits, rights ===== -->

  <!-- Left out when the header says none of these things: a heading over nothing says nothing. -->
  <xsl:template name="te:about-section" as="element()?">
    <xsl:variable name="h" select="//teiHeader"/>
    <xsl:variable name="facts" as="element()*">
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value" select="te:date-text(te:doc-date(/))"/>
        </xsl:call-template>
        <xsl:for-each select="te:author-names(/)">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="'Author'"/>
            <xsl:with-param name="value" select="."/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="value" select="te:source-citation(/)"/>
          <xsl:with-param name="class" select="'source-citation'"/>
        </xsl:call-template>
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'About the source'"/>
          <xsl:with-param name="value" select="te:source-description(/)"/>
          <xsl:with-param name="class" select="'source-description'"/>
        </xsl:call-template>
        <xsl:for-each select="$h/fileDesc/sourceDesc/msDesc[1]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="'Archive'"/>
            <xsl:with-param name="value" select="string-join(msIdentifier/(repository, settlement, country)[normalize-space()] ! te:plain(.), ', ')"/>
          </xsl:call-template>
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="'Shelfmark'"/>
            <xsl:with-param name="value" select="string-join(for $u in msIdentifier/(collection, idno)[normalize-space()]
                return (if ($u/@type) then $u/@type || ' ' else '') || te:plain($u), ', ')"/>
          </xsl:call-template>
          <xsl:for-each select="(msContents//locus)[1]">
            <xsl:call-template name="te:fact">
              <xsl:with-param name="label" select="'Folios'"/>
              <xsl:with-param name="value" select="(te:plain(.)[normalize-space()],
                  string-join((@from, @to)[normalize-space()], '–'))[normalize-space()][1]"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="msContents/(summary, msItem/(title, summary, note))[normalize-space()]">
            <xsl:call-template name="te:fact">
              <xsl:with-param name="label" select="if (self::title) then 'Item' else 'Contents'"/>
              <xsl:with-param name="value" select="te:plain(.)"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="physDesc/*[normalize-space()] | history/*[normalize-space()]">
            <xsl:call-template name="te:fact">
              <xsl:with-param name="label" select="upper-case(substring(local-name(), 1, 1)) || replace(substring(local-name(), 2), '([A-Z])', ' $1')"/>
              <xsl:with-param name="value" select="te:plain(.)"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/titleStmt/respStmt[normalize-space()]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="let $p := te:resp-phrase(.) return upper-case(substring($p, 1, 1)) || substring(replace($p, ':$', ''), 2)"/>
            <xsl:with-param name="value" select="te:names(persName | name | orgName)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/titleStmt/(editor, sponsor, principal)[normalize-space()]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="if (self::editor) then 'Editor' else if (self::sponsor) then 'Sponsor' else 'Principal investigator'"/>
            <xsl:with-param name="value" select="te:plain(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'Funding'"/>
          <xsl:with-param name="value" select="(
              $h/fileDesc/notesStmt/note[@type = 'funding'][normalize-space()] ! te:plain(.),
              string-join($h/fileDesc/titleStmt/funder[normalize-space()] ! te:plain(.), '; '))[normalize-space()][1]"/>
        </xsl:call-template>
        <xsl:for-each select="$h/profileDesc/langUsage[language]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="'Language'"/>
            <xsl:with-param name="value" select="string-join(language ! (if (normalize-space()) then te:plain(.) else string(@ident)), '; ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="te:fact">
          <xsl:with-param name="label" select="'Publisher'"/>
          <xsl:with-param name="value" select="te:publisher(/)"/>
        </xsl:call-template>
        <xsl:for-each select="$h/fileDesc/publicationStmt/idno[normalize-space()]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="if (@type) then 'Identifier (' || @type || ')' else 'Identifier'"/>
            <xsl:with-param name="value" select="te:plain(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/notesStmt/note[not(@type = 'funding')][normalize-space()]">
          <xsl:call-template name="te:fact">
            <xsl:with-param name="label" select="'Note'"/>
            <xsl:with-param name="value" select="te:plain(.)"/>
          </xsl:call-template>
        </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rights" select="$h/fileDesc/publicationStmt/availability[normalize-space()]"/>
    <xsl:if test="exists($facts) or exists($rights)">
      <section id="about" class="about" aria-labelledby="about-title">
        <h2 id="about-title">About this document</h2>
        <xsl:if test="exists($facts)"><dl class="facts"><xsl:sequence select="$facts"/></dl></xsl:if>
        <xsl:for-each select="$rights">
          <div class="rights">
            <h3>Rights</h3>
            <xsl:apply-templates mode="te:header"/>
          </div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="te:fact" as="element()?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:if test="normalize-space($value)">
      <div class="fact">
        <xsl:if test="$class"><xsl:attribute name="class" select="'fact ' || $class"/></xsl:if>
        <dt><xsl:value-of select="$label"/></dt>
        <dd><xsl:value-of select="normalize-space($value)"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!--
    Header prose (abstract, availability, licence, projectDesc, editorialDecl):
    paragraphs, lists and links, nothing else.  TEI lets a <licence> or a <p>
    hold paragraphs and lists; HTML does not let a <p> hold them, so prose
    inside phrasing becomes spans with class "block" (valid HTML, same layout).
  -->
  <xsl:function name="te:header-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el//(p | ab | list | table | lg | quote[p]))"/>
  </xsl:function>
  <xsl:template match="p | ab" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else if (te:header-blocks(.)) then 'div' else 'p'}">
      <xsl:if test="$te:phrasing"><xsl:attribute name="class" select="'block'"/></xsl:if>
      <xsl:apply-templates mode="te:header">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not(te:header-blocks(.))"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <xsl:template match="licence" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" select="te:safe-href(@target)"/>
    <xsl:variable name="blocks" select="te:header-blocks(.)"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else if ($blocks) then 'div' else 'p'}">
      <xsl:attribute name="class" select="'licence' || (if ($te:phrasing) then ' block' else '')"/>
      <xsl:choose>
        <xsl:when test="exists($href) and normalize-space() and not($blocks)"><a href="{$href}"><xsl:apply-templates mode="te:header">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/></xsl:apply-templates></a></xsl:when>
        <xsl:when test="exists($href) and normalize-space()">
          <xsl:apply-templates mode="te:header"/>
          <span class="block"><a href="{$href}"><xsl:value-of select="$href"/></a></span>
        </xsl:when>
        <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="$href"/></a></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="te:header">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not($blocks)"/></xsl:apply-templates></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>
  <xsl:template match="list" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'ul'}">
      <xsl:if test="$te:phrasing"><xsl:attribute name="class" select="'block'"/></xsl:if>
      <xsl:apply-templates select="head, item" mode="te:header"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="list/head" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'li'}">
      <xsl:attribute name="class" select="'list-head' || (if ($te:phrasing) then ' block' else '')"/>
      <xsl:apply-templates mode="te:header"><xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <xsl:template match="item" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'li'}">
      <xsl:if test="$te:phrasing"><xsl:attribute name="class" select="'block'"/></xsl:if>
      <xsl:apply-templates mode="te:header"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="ref[te:safe-href(@target)]" mode="te:header" as="node()*">
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$te:in-link or ancestor::licence[te:safe-href(@target)][not(te:header-blocks(.))]"><xsl:apply-templates mode="te:header"/></xsl:when>
      <xsl:otherwise>
        <a href="{te:safe-href(@target)}"><xsl:apply-templates mode="te:header">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
          <xsl:with-param name="te:in-link" tunnel="yes" select="true()"/>
        </xsl:apply-templates></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="hi | emph | title | foreign" mode="te:header" as="node()*">
    <i><xsl:apply-templates mode="te:header"><xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/></xsl:apply-templates></i>
  </xsl:template>
  <!-- An address the site hid ([email protected]): the translator's page shows a bracket, so do we. -->
  <xsl:template match="gap[@reason = 'obfuscated']" mode="te:header" priority="1" as="node()*">
    <xsl:apply-templates select="." mode="te:text"/>
  </xsl:template>
  <xsl:template match="gap" mode="te:header" as="node()*">
    <span class="editorial reason-{te:token((@reason, 'gap')[1])}">[<xsl:value-of select="normalize-space((desc, @reason)[1])"/>]</span>
  </xsl:template>
  <xsl:template match="abstract/text() | availability/text() | projectDesc/text() | editorialDecl/text() | samplingDecl/text()" mode="te:header" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="normalize-space()">
      <xsl:choose>
        <xsl:when test="$te:phrasing"><xsl:value-of select="."/></xsl:when>
        <xsl:otherwise><p><xsl:value-of select="."/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ===== how to cite ===== -->

  <!-- The citation exports beside the page (set by build; empty: no links). -->
  <xsl:param name="bib-href" as="xs:string" select="''"/>
  <xsl:param name="ris-href" as="xs:string" select="''"/>
  <xsl:param name="csl-href" as="xs:string" select="''"/>

  <xsl:template name="te:cite-section" as="element()">
    <xsl:param name="url" as="xs:string?" select="()"/>
    <section id="cite" class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title" class="cite-title">How to cite</h2>
      <p class="citation" id="citation-text"><xsl:value-of select="$te:record?cite"/></p>
      <!-- COinS: the same citation as an OpenURL, for reference managers that read spans (Zotero). -->
      <xsl:if test="normalize-space($te:record?coins)"><span class="Z3988" title="{$te:record?coins}"></span></xsl:if>
      <xsl:variable name="exports" select="(['BibTeX', $bib-href, 'application/x-bibtex'],
          ['RIS', $ris-href, 'application/x-research-info-systems'],
          ['CSL-JSON', $csl-href, 'application/vnd.citationstyles.csl+json'])[normalize-space(?2)]"/>
      <xsl:if test="exists($exports)">
        <p class="citation-exports">Add to a reference manager:
          <xsl:for-each select="$exports">
            <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
            <a href="{?2}" type="{?3}" download=""><xsl:value-of select="?1"/></a>
          </xsl:for-each>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ===== about this edition: how to read it, then the encoder's own record ===== -->

  <!--
    "About this edition" is written for readers: one plain sentence for each
    sign that occurs in this document (brackets, boxes, margin marks, notes,
    corrections, the index), then the project's own prose.  The encoding
    declarations and the record of changes, which speak TEI, follow in a
    closed "For TEI users" block.
  -->
  <xsl:template name="te:reading-guide" as="element()*">
    <xsl:variable name="t" select="//text"/>
    <xsl:variable name="items" as="xs:string*" select="(
        if ($t//supplied) then 'Words in square brackets [like this] were added by the translator to make the sense clear; they are not in the original.' else (),
        if ($t//gap) then 'A bracketed description such as [illegible] or […] stands for a passage that could not be read or was left out.' else (),
        if ($t//unclear) then 'A reading in brackets with a dotted underline is doubtful.' else (),
        if ($t//sic[not(parent::choice)]) then '[sic] follows a word printed as the source has it, although it looks wrong.' else (),
        if ($t//note[@type = 'stamp']) then 'Framed boxes show stamps on the original, described in the translator''s words.' else (),
        if ($t//note[@type = 'handwritten']) then 'Boxes with a dashed border show handwriting on the original.' else (),
        if ($t//metamark) then 'Lines, question marks and exclamation marks in the left margin are marks a later reader made on the original, as the translator reports them; a dotted or dashed mark with a small question mark means the marked passage is not certain. Each mark leads to the note that reports it.' else (),
        if ($t//note[te:is-numbered-note(.)]) then 'Numbered buttons in the text open the notes; all notes are also listed under Notes.' else (),
        if ($t//choice[sic and corr]) then 'Obvious slips of the source are corrected: a corrected word has a dotted underline and shows the original when pointed at; the diplomatic view at the top of the page shows the original readings.' else (),
        if ($t//choice[orig and reg] or $t//choice[abbr and expan]) then 'Spellings are regularised and abbreviations expanded; the diplomatic view shows them as written.' else (),
        if (exists($te:all-mentions)) then 'Persons, organisations and places are listed in the Index of names, with the paragraphs that mention them (¶ 31: the numbers beside the paragraphs); a name is underlined as a link to its entry at its first mention in each paragraph.' else ())"/>
    <xsl:if test="exists($items)">
      <h3>How to read this edition</h3>
      <ul class="reading-guide">
        <xsl:for-each select="$items"><li><xsl:value-of select="."/></li></xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="te:edition-section" as="element()?">
    <!-- The guide speaks of the screen (buttons, the diplomatic view): print has its own conventions section. -->
    <xsl:param name="guide" as="xs:boolean" select="true()"/>
    <xsl:variable name="enc" select="//teiHeader/encodingDesc"/>
    <xsl:variable name="changes" select="//teiHeader/revisionDesc//change[normalize-space() or @when]"/>
    <xsl:variable name="guide" as="element()*"><xsl:if test="$guide"><xsl:call-template name="te:reading-guide"/></xsl:if></xsl:variable>
    <xsl:if test="exists($guide) or $enc/(editorialDecl, projectDesc, samplingDecl)[normalize-space()] or $changes">
      <section id="edition" class="edition" aria-labelledby="edition-title">
        <h2 id="edition-title">About this edition</h2>
        <xsl:sequence select="$guide"/>
        <!-- A project's own description is for readers; teiedition's own declarations are not. -->
        <xsl:for-each select="$enc/projectDesc[normalize-space()]">
          <div class="projectDesc">
            <xsl:apply-templates select="*[normalize-space()]" mode="te:decl"/>
          </div>
        </xsl:for-each>
        <xsl:if test="$enc/(samplingDecl, editorialDecl)[normalize-space()] or $enc/appInfo/application[normalize-space(@ident)] or $changes">
          <details class="for-tei-users">
            <summary>For TEI users: encoding and changes</summary>
            <xsl:for-each select="$enc/(samplingDecl, editorialDecl)[normalize-space()]">
              <div class="{local-name()}">
                <xsl:apply-templates select="*[normalize-space()]" mode="te:decl"/>
              </div>
            </xsl:for-each>
            <xsl:for-each select="$enc/appInfo/application[normalize-space(@ident)]">
              <p class="application">Encoded with <xsl:value-of select="@ident"/>
                <xsl:value-of select="if (@version) then ' ' || @version else ''"/>.</p>
            </xsl:for-each>
            <xsl:if test="$changes">
              <p class="changes-title">Changes</p>
              <ul class="changes">
                <xsl:for-each select="$changes">
                  <li>
                    <xsl:if test="@when"><time datetime="{@when}"><xsl:value-of select="te:human-date(@when)"/></time>: </xsl:if>
                    <xsl:value-of select="te:plain(.)"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </details>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One part of an encoding declaration: its prose as it is, else a labelled line ("Correction: ..."). -->
  <xsl:template match="*" mode="te:decl" as="node()*">
    <xsl:choose>
      <xsl:when test="self::p or self::ab or self::list"><xsl:apply-templates select="." mode="te:header"/></xsl:when>
      <xsl:otherwise>
        <div class="decl">
          <span class="decl-label"><xsl:value-of select="upper-case(substring(local-name(), 1, 1)) || replace(substring(local-name(), 2), '([A-Z])', ' $1')"/>: </span>
          <xsl:apply-templates mode="te:header">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="not(te:header-blocks(.))"/>
          </xsl:apply-templates>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== machine-readable citation metadata for <head> ===== -->

  <xsl:template name="te:citation-meta" as="element()*">
    <xsl:for-each select="$te:record?meta?*">
      <xsl:if test="?1 = 'DC.title'"><link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/></xsl:if>
      <meta name="{?1}" content="{?2}"/>
    </xsl:for-each>
    <xsl:if test="normalize-space($te:record?jsonld)">
      <script type="application/ld+json"><xsl:value-of select="$te:record?jsonld"/></script>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
