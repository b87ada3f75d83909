<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collection's entry page (index.html), mode te:index.
  Why: one page that lists every document with a TEI edition, readable
  without JavaScript (a table in date order); with it the columns sort, a
  box filters titles and summaries (index.js, inlined), and, when the build
  made a search index, a full-text search with snippets and facets
  (assets/search.js, loaded with <script>, so it works from file://).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    exclude-result-prefixes="#all">

  <!-- A link to a file beside the index: URL-quoted (spaces, #, ?). -->
  <xsl:function name="te:file-href" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="encode-for-uri($name)"/>
  </xsl:function>

  <xsl:template match="catalogue" mode="te:index" as="node()*">
    <xsl:variable name="listed" select="doc[@tei]"/>
    <xsl:variable name="kinds" select="(
        if ($listed[@html]) then 'an HTML edition' else (),
        if ($listed[@tei]) then 'TEI P5 XML' else (),
        if ($listed[@pdf]) then 'a print edition (PDF)' else ())"/>
    <xsl:variable name="n" select="count($listed)"/>
    <html lang="en">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:text>&#10;</xsl:text>
        <meta charset="utf-8"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="generator" content="teiedition{if (normalize-space(@version)) then ' ' || @version else ''}"/>
        <xsl:text>&#10;</xsl:text>
        <title><xsl:value-of select="@title"/></title>
        <xsl:text>&#10;</xsl:text>
        <style><xsl:value-of select="$css"/></style>
        <xsl:text>&#10;</xsl:text>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:text>&#10;</xsl:text>
        <header>
          <xsl:text>&#10;</xsl:text>
          <h1><xsl:value-of select="@title"/></h1>
          <xsl:text>&#10;</xsl:text>
          <p>
            <xsl:value-of select="$n"/> document<xsl:if test="$n ne 1">s</xsl:if>
            <xsl:if test="count($kinds) gt 1">
              <xsl:value-of select="', ' || (if ($n ne 1) then 'each as' else 'as') || ' '
                  || string-join($kinds[position() lt last()], ', ') || ' and ' || $kinds[last()]"/>
            </xsl:if>
            <xsl:text>. </xsl:text>
            <a href="catalogue.json">Catalogue (JSON)</a> · <a href="catalogue.csv">Catalogue (CSV)</a>
          </p>
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select=".[link]" mode="te:index-links"/>
        </header>
        <xsl:text>&#10;</xsl:text>
        <main>
          <xsl:text>&#10;</xsl:text>
          <xsl:if test="@search = 'yes'">
            <xsl:call-template name="te:search-section"/>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
          <p class="filter" hidden=""><label for="filter">Filter titles and summaries: </label><input id="filter" type="search" autocomplete="off"/></p>
          <xsl:text>&#10;</xsl:text>
          <p id="count" aria-live="polite"></p>
          <xsl:text>&#10;</xsl:text>
          <table id="documents">
            <xsl:text>&#10;</xsl:text>
            <thead><tr><th scope="col" data-sort="date" aria-sort="ascending">Date</th><th scope="col" data-sort="title">Title and summary</th><th scope="col" data-sort="archive">Archive</th><th scope="col">Formats</th><th scope="col">Validation</th></tr></thead>
            <xsl:text>&#10;</xsl:text>
            <tbody>
              <xsl:text>&#10;</xsl:text>
              <xsl:for-each select="$listed">
                <xsl:apply-templates select="." mode="te:index"/>
                <xsl:text>&#10;</xsl:text>
              </xsl:for-each>
            </tbody>
            <xsl:text>&#10;</xsl:text>
          </table>
          <xsl:text>&#10;</xsl:text>
        </main>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="normalize-space(@build-date) or normalize-space(@version)">
          <footer class="page-footer">
            <xsl:call-template name="te:build-line">
              <xsl:with-param name="version" select="string(@version)"/>
              <xsl:with-param name="date" select="string(@build-date)"/>
            </xsl:call-template>
          </footer>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <script><xsl:value-of select="$js"/></script>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="@search = 'yes'">
          <script src="assets/search.js"></script>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!--
    The collection's other ways in that the build made (catalogue/link,
    from building/site.py): the entity pages and the DTS API's entry point.
  -->
  <xsl:mode name="te:index-links" on-no-match="shallow-skip"/>

  <xsl:template match="catalogue" mode="te:index-links" as="node()*">
    <nav class="collection-links" aria-label="More of the collection">
      <ul>
        <xsl:apply-templates select="link" mode="te:index-links"/>
      </ul>
    </nav>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="link[@kind = 'entities']" mode="te:index-links" as="element()">
    <li><a href="{@href}">People, organisations and places</a> named in the documents</li>
  </xsl:template>

  <xsl:template match="link[@kind = 'dts']" mode="te:index-links" as="element()">
    <li><a href="{@href}">DTS API</a> (Distributed Text Services 1.0, entry point in JSON-LD)</li>
  </xsl:template>

  <!-- One document's row: date, title with summary, archive with citation, formats, validation. -->
  <xsl:template match="doc" mode="te:index" as="element()">
    <xsl:variable name="title" select="(@title[normalize-space()], @id)[1]"/>
    <xsl:variable name="main" select="(@html, @tei)[1]"/>
    <tr id="{@id}" data-date="{@date}" data-title="{$title}" data-archive="{@archive}">
      <xsl:text>&#10;</xsl:text>
      <td class="date"><time datetime="{@date}"><xsl:value-of
          select="if (normalize-space(@date)) then te:human-date(@date) else 'undated'"/></time></td>
      <xsl:text>&#10;</xsl:text>
      <td class="title">
        <xsl:choose>
          <xsl:when test="$main"><a href="{te:file-href($main)}"><xsl:value-of select="$title"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(@summary)">
          <xsl:text>&#10;</xsl:text>
          <p class="summary"><xsl:value-of select="@summary"/></p>
        </xsl:if>
      </td>
      <xsl:text>&#10;</xsl:text>
      <td class="archive">
        <xsl:choose>
          <xsl:when test="normalize-space(@archive-name) and @archive-name ne @archive">
            <abbr title="{@archive-name}"><xsl:value-of select="@archive"/></abbr>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@archive"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(@citation)"><br/><span class="citation"><xsl:value-of select="@citation"/></span></xsl:if>
      </td>
      <xsl:text>&#10;</xsl:text>
      <td class="formats">
        <xsl:for-each select="(@html, @tei, @pdf)">
          <xsl:if test="position() gt 1"> · </xsl:if>
          <a href="{te:file-href(.)}"><xsl:value-of select="map{'html': 'HTML', 'tei': 'TEI', 'pdf': 'PDF'}(local-name())"/></a>
        </xsl:for-each>
      </td>
      <xsl:text>&#10;</xsl:text>
      <td class="status">
        <xsl:choose>
          <xsl:when test="@validation">
            <a class="status-{@status}" href="{te:file-href(@validation)}"><xsl:value-of select="@status"/></a>
          </xsl:when>
          <xsl:otherwise><span class="status-{@status}"><xsl:value-of select="@status"/></span></xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:text>&#10;</xsl:text>
    </tr>
  </xsl:template>

  <!--
    The full-text search: hidden until assets/search.js has loaded the index
    (without JavaScript the table above is the whole page).  Facets and
    results are filled in by the script from assets/search-index.js.
  -->
  <xsl:template name="te:search-section" as="element()">
    <section id="search" class="search" aria-labelledby="search-heading" hidden="">
      <h2 id="search-heading">Search the full text</h2>
      <form id="search-form" role="search" action="#">
        <label for="search-input">Words or a "phrase" in the documents</label>
        <input id="search-input" name="q" type="search" autocomplete="off" spellcheck="false"/>
        <button type="submit">Search</button>
        <button type="reset" id="search-reset">Clear</button>
      </form>
      <div class="search-body">
        <details id="facets-box" class="facets-box" open="">
          <summary>Narrow by archive, year, person, classification, handling mark</summary>
          <div id="facets" class="facets"></div>
        </details>
        <div class="search-results">
          <p id="search-status" aria-live="polite">Loading the search index…</p>
          <ol id="results" class="results"></ol>
          <button type="button" id="more-results" hidden="">Show more results</button>
        </div>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
