<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the page skeleton.  PDF metadata (<title>, author, subject,
  keywords, language), the title block (title, date, archival citation,
  translator and obtainer, funder, summary), the running-head strings, the
  document itself, endnotes when asked for, and the closing "About this
  edition" page furniture (rights, how to cite).
  Why: WeasyPrint reads metadata from <head> and bookmarks from headings, and
  the running heads come from string-set on the title block.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode use-accumulators="#all" on-no-match="shallow-skip"/>

  <!-- Longest running-head title, in characters, before it is shortened at a word. -->
  <xsl:variable name="te:short-title-length" as="xs:integer" select="70"/>

  <xsl:template match="/">
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <xsl:template match="TEI">
    <xsl:variable name="title" select="te:print-title(.)"/>
    <html lang="{(text/@xml:lang, @xml:lang, 'en')[normalize-space()][1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:variable name="authors" select="te:plain-list(te:responsible(., 'transl'))"/>
        <xsl:if test="$authors">
          <meta name="author" content="{$authors}"/>
        </xsl:if>
        <xsl:variable name="abstract" select="te:plain(teiHeader/profileDesc/abstract)"/>
        <meta name="description" content="{if ($abstract) then $abstract else $title}"/>
        <xsl:variable name="keywords" select="distinct-values((
            te:plain(teiHeader//msIdentifier/repository),
            teiHeader/profileDesc/textClass//term ! te:plain(.)))[.]"/>
        <xsl:if test="exists($keywords)">
          <meta name="keywords" content="{string-join($keywords, ', ')}"/>
        </xsl:if>
        <meta name="generator" content="teiedition print edition"/>
      </head>
      <body class="paper-{te:token($paper)} notes-{te:token($notes)}">
        <xsl:call-template name="te:title-block">
          <xsl:with-param name="title" select="$title"/>
        </xsl:call-template>
        <main class="document" id="document">
          <h2 class="document-heading">Document</h2>
          <xsl:apply-templates select="text"/>
        </main>
        <xsl:if test="$notes = 'endnotes'">
          <xsl:call-template name="te:endnotes"/>
        </xsl:if>
        <xsl:call-template name="te:about"/>
      </body>
    </html>
  </xsl:template>

  <!-- The title a reader sees: the main title, else the file's id. -->
  <xsl:function name="te:print-title" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="t" select="te:plain(($tei/teiHeader/fileDesc/titleStmt/title[not(@type = 'sub')])[1])"/>
    <xsl:sequence select="if ($t) then $t else if ($tei/@xml:id) then string($tei/@xml:id) else 'Untitled document'"/>
  </xsl:function>

  <!-- A running-head title: whole when short, else cut at a word with an ellipsis. -->
  <xsl:function name="te:short-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="if (string-length($title) le $te:short-title-length) then $title
        else replace(substring($title, 1, $te:short-title-length), '[\s,;:.]+\S*$', '') || ' …'"/>
  </xsl:function>

  <!-- The people of a role (resp text containing $role, e.g. 'transl', 'obtain'). -->
  <xsl:function name="te:responsible" as="element()*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="$tei/teiHeader/fileDesc/titleStmt/respStmt
        [contains(lower-case(string-join(resp, ' ')), $role)]/(persName | name | orgName)"/>
  </xsl:function>

  <xsl:function name="te:plain-list" as="xs:string">
    <xsl:param name="names" as="element()*"/>
    <xsl:variable name="n" select="distinct-values($names ! te:plain(.))"/>
    <xsl:sequence select="if (count($n) le 2) then string-join($n, ' and ')
        else string-join($n[position() lt last()], ', ') || ' and ' || $n[last()]"/>
  </xsl:function>

  <!-- Title block: what an archive needs to cite the document, on the first page. -->
  <xsl:template name="te:title-block">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="header" select="teiHeader"/>
    <xsl:variable name="ms" select="($header/fileDesc/sourceDesc/msDesc)[1]"/>
    <xsl:variable name="citation" select="te:plain(($ms/msIdentifier/altIdentifier/idno)[1])"/>
    <xsl:variable name="date" select="($header/profileDesc/creation/date)[1]"/>
    <header class="title-block">
      <p class="running-strings" aria-hidden="true">
        <span class="rh-title"><xsl:value-of select="te:short-title($title)"/></span>
        <span class="rh-ref"><xsl:value-of select="if ($citation) then $citation
            else te:human-date(string($date/@when))"/></span>
      </p>
      <xsl:variable name="publisher" select="te:plain(($header/fileDesc/publicationStmt/publisher)[1])"/>
      <xsl:if test="$publisher">
        <p class="publisher"><xsl:value-of select="$publisher"/></p>
      </xsl:if>
      <h1 class="title"><xsl:value-of select="$title"/></h1>
      <xsl:if test="$date">
        <p class="date">
          <time datetime="{$date/@when}"><xsl:value-of select="if (normalize-space($date)) then te:plain($date)
              else te:human-date(string($date/@when))"/></time>
        </p>
      </xsl:if>
      <dl class="facts">
        <xsl:if test="$ms">
          <dt>Archival citation</dt>
          <dd class="citation">
            <xsl:value-of select="if ($citation) then $citation else te:plain($ms/msIdentifier)"/>
          </dd>
        </xsl:if>
        <xsl:for-each-group select="$header/fileDesc/titleStmt/respStmt" group-by="te:plain(resp)">
          <dt><xsl:value-of select="te:role-label(current-grouping-key())"/></dt>
          <dd><xsl:value-of select="te:plain-list(current-group()/(persName | name | orgName))"/></dd>
        </xsl:for-each-group>
        <xsl:for-each select="$header/fileDesc/titleStmt/funder[normalize-space()]">
          <dt>Funder</dt>
          <dd><xsl:value-of select="te:plain(.)"/></dd>
        </xsl:for-each>
      </dl>
      <xsl:for-each select="$header/profileDesc/abstract[normalize-space()]">
        <section class="summary">
          <h2>Summary</h2>
          <xsl:apply-templates select="node()"/>
        </section>
      </xsl:for-each>
    </header>
  </xsl:template>

  <!-- "Translated by" -> "Translated by"; a bare role word gets a readable label. -->
  <xsl:function name="te:role-label" as="xs:string">
    <xsl:param name="resp" as="xs:string"/>
    <xsl:variable name="r" select="normalize-space($resp)"/>
    <xsl:sequence select="
        if (matches($r, '^transl', 'i')) then 'Translated by'
        else if (matches($r, '^obtain', 'i')) then 'Obtained by'
        else if ($r) then upper-case(substring($r, 1, 1)) || substring($r, 2)
        else 'Responsibility'"/>
  </xsl:function>

  <!-- After the document: rights, funding statement and how to cite it. -->
  <xsl:template name="te:about">
    <xsl:variable name="header" select="teiHeader"/>
    <section class="about" id="about">
      <h2>About this edition</h2>
      <xsl:for-each select="$header/fileDesc/notesStmt/note[@type = 'funding']">
        <p class="funding"><xsl:value-of select="te:plain(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="$header/fileDesc/publicationStmt/availability">
        <h3>Rights</h3>
        <xsl:for-each select="(p, self::availability[not(p)])">
          <p class="rights"><xsl:value-of select="te:plain(.)"/></p>
        </xsl:for-each>
      </xsl:for-each>
      <h3>How to cite</h3>
      <p class="how-to-cite"><xsl:value-of select="te:how-to-cite(/TEI)"/></p>
      <xsl:if test="$header/encodingDesc/editorialDecl[normalize-space()]">
        <h3>Editorial conventions</h3>
        <xsl:for-each select="$header/encodingDesc/editorialDecl">
          <xsl:for-each select="(.//p, self::editorialDecl[not(.//p)])">
            <p class="editorial"><xsl:value-of select="te:plain(.)"/></p>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:if>
      <p class="print-conventions">In this print edition words supplied by the translator are set in
        square brackets; translator’s notes are numbered <xsl:value-of select="if ($notes = 'endnotes')
          then 'and collected under Notes' else 'at the foot of the page'"/>; marks that a later
        reader made in the margin of the original are shown as vertical bars (single or double) and
        as ? or ! in the left margin beside the lines they mark. Where the translator names only a
        paragraph or the marked span cannot be located more precisely, the bar stands beside the
        whole paragraph.</p>
    </section>
  </xsl:template>

  <!-- A citation in the archive's usual form: title, date, citation, translator, publisher. -->
  <xsl:function name="te:how-to-cite" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="h" select="$tei/teiHeader"/>
    <xsl:variable name="date" select="($h/profileDesc/creation/date)[1]"/>
    <xsl:variable name="parts" select="(
        '“' || te:print-title($tei) || ',”',
        if ($date) then te:human-date(string($date/@when)) || ',' else (),
        te:plain(($h//msIdentifier/altIdentifier/idno)[1]) ! (. || '.'),
        te:plain-list(te:responsible($tei, 'transl'))[.] ! ('Translated by ' || . || '.'),
        te:plain(($h/fileDesc/publicationStmt/publisher)[1])[.] ! (. || '.'),
        te:plain(($h/fileDesc/publicationStmt/idno[@type = ('URI', 'uri', 'url')])[1])[.]
    )"/>
    <xsl:sequence select="string-join($parts[normalize-space()], ' ')"/>
  </xsl:function>

  <!-- The text: front, body and back in order. -->
  <xsl:template match="text">
    <div class="text">
      <xsl:apply-templates select="node()"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
