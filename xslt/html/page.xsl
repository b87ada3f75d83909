<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML page around the edition: <head> with citation metadata and the
  inline CSS and script, a masthead, the reading-view switch, downloads, the
  document, its notes, the index of names, "How to cite" and the header facts.
  Why: one self-contained file that works from file:// and any static host,
  readable without JavaScript (the script only places margin marks and
  popovers more precisely, and copies the citation).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no" use-character-maps="te:c1-controls"/>

  <xsl:mode on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:template match="/" as="node()*">
    <xsl:choose>
      <xsl:when test="teiCorpus and normalize-space($corpus-member-prefix)">
        <xsl:apply-templates select="teiCorpus" mode="te:corpus-page"/>
      </xsl:when>
      <xsl:when test="TEI | teiCorpus">
        <xsl:apply-templates select="(TEI, teiCorpus/TEI)[1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">not a TEI document: the root element is <xsl:value-of select="name(*)"/>, not TEI (namespace http://www.tei-c.org/ns/1.0)</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    What the reader should know the page could not show as the TEI intends:
    reported as xsl:message (teiedition prints them as warnings), never fatal.
  -->
  <xsl:template name="te:warnings" as="empty-sequence()">
    <xsl:if test="empty(text | sourceDoc | standOff)">
      <xsl:message>the document has no &lt;text&gt;, &lt;sourceDoc&gt; or &lt;standOff&gt;: the page shows the header only</xsl:message>
    </xsl:if>
    <xsl:if test="parent::teiCorpus and count(../TEI) gt 1">
      <xsl:message>teiCorpus holds <xsl:value-of select="count(../TEI)"/> TEI documents: only the first is rendered on standard output (-o FILE writes a page per member)</xsl:message>
    </xsl:if>
    <xsl:variable name="dangling" select="distinct-values(
        for $a in //@*[local-name() = ('target', 'ref', 'corresp', 'facs', 'resp', 'who', 'change')][contains(., '#')]
        return tokenize(normalize-space($a), ' ')[starts-with(., '#')][some $id in te:pointer-ids(.) satisfies empty(key('te:by-id', $id, root($a)))])"/>
    <xsl:if test="exists($dangling)">
      <xsl:message><xsl:value-of select="count($dangling)"/> pointer(s) resolve to nothing in the document: <xsl:value-of select="subsequence($dangling, 1, 5)"/><xsl:if test="count($dangling) gt 5"> …</xsl:if></xsl:message>
    </xsl:if>
    <!-- MathML and TEI examples have templates of their own (code.xsl); other namespaces fall back. -->
    <xsl:variable name="alien" select="//text//*[not(namespace-uri() = ('http://www.tei-c.org/ns/1.0',
        'http://www.w3.org/2001/XInclude', 'http://www.w3.org/1998/Math/MathML'))][not(ancestor-or-self::*:egXML)]
        [not(ancestor::*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML'])]"/>
    <xsl:if test="exists($alien)">
      <xsl:message><xsl:value-of select="count($alien)"/> element(s) outside the TEI namespace shown with the generic fallback: <xsl:value-of select="distinct-values($alien ! name())[position() le 5]"/></xsl:message>
    </xsl:if>
    <xsl:for-each select="(//*:include[namespace-uri() = 'http://www.w3.org/2001/XInclude'])[1]">
      <xsl:message>XInclude is never followed: <xsl:value-of select="count(//*:include[namespace-uri() = 'http://www.w3.org/2001/XInclude'])"/> include(s) shown as placeholders</xsl:message>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="TEI" as="node()*">
    <xsl:call-template name="te:warnings"/>
    <xsl:variable name="lang" select="(text/@xml:lang, @xml:lang, 'en')[normalize-space()][1]"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teiedition"/>
        <title><xsl:value-of select="te:title(/)"/></title>
        <xsl:call-template name="te:citation-meta"/>
        <xsl:for-each select="te:permanent-url(/, $page-url)">
          <link rel="canonical" href="{.}"/>
        </xsl:for-each>
        <xsl:if test="normalize-space($tei-href)">
          <link rel="alternate" type="application/tei+xml" href="{$tei-href}" title="TEI P5 XML"/>
        </xsl:if>
        <xsl:if test="normalize-space($pdf-href)">
          <link rel="alternate" type="application/pdf" href="{$pdf-href}" title="Print edition (PDF)"/>
        </xsl:if>
        <xsl:if test="normalize-space($iiif-href)">
          <link rel="alternate" type="application/ld+json;profile=&quot;http://iiif.io/api/presentation/3/context.json&quot;"
              href="{$iiif-href}" title="IIIF manifest"/>
        </xsl:if>
        <xsl:if test="normalize-space($css)">
          <style><xsl:value-of select="$css" disable-output-escaping="no"/></style>
        </xsl:if>
        <xsl:if test="normalize-space($site-css)">
          <style><xsl:value-of select="$site-css"/></style>
        </xsl:if>
      </head>
      <body>
        <a class="skip-link" href="#document">Skip to the document</a>
        <xsl:call-template name="te:collection-nav">
          <xsl:with-param name="index-href" select="$index-href"/>
          <xsl:with-param name="prev-href" select="$prev-href"/>
          <xsl:with-param name="prev-title" select="$prev-title"/>
          <xsl:with-param name="prev-date" select="$prev-date"/>
          <xsl:with-param name="next-href" select="$next-href"/>
          <xsl:with-param name="next-title" select="$next-title"/>
          <xsl:with-param name="next-date" select="$next-date"/>
        </xsl:call-template>
        <xsl:call-template name="te:masthead">
          <xsl:with-param name="page-url" select="$page-url"/>
        </xsl:call-template>
        <xsl:call-template name="te:toolbar"/>
        <main id="main">
          <xsl:call-template name="te:chunk-nav"><xsl:with-param name="where" select="'top'"/></xsl:call-template>
          <xsl:if test="$te:toc-shown and (empty(//text//divGen[@type = 'toc']) or $chunk gt 0)">
            <xsl:call-template name="te:toc"/>
          </xsl:if>
          <article id="document" class="document" aria-labelledby="title">
            <xsl:apply-templates select="text" mode="te:text"/>
            <!-- A documentary transcription (surfaces, zones, lines), after the text when there is one. -->
            <xsl:apply-templates select="sourceDoc" mode="te:text"/>
          </article>
          <xsl:call-template name="te:mark-legend"/>
          <xsl:call-template name="te:chunk-nav"><xsl:with-param name="where" select="'foot'"/></xsl:call-template>
          <xsl:call-template name="te:notes-section">
            <xsl:with-param name="notes" select="//text//note[te:is-numbered-note(.)][te:on-this-page(.)]"/>
          </xsl:call-template>
          <xsl:call-template name="te:apparatus-section"/>
          <xsl:call-template name="te:facsimile-section"/>
          <xsl:call-template name="te:about-section"/>
          <xsl:call-template name="te:index-section"/>
          <xsl:call-template name="te:register-section"/>
          <xsl:call-template name="te:edition-section"/>
        </main>
        <footer class="page-footer">
          <p>HTML edition generated by teiedition from the TEI P5 file<xsl:if test="normalize-space($tei-href)">
            (<a href="{$tei-href}">download</a>)</xsl:if>.</p>
          <xsl:call-template name="te:build-line">
            <xsl:with-param name="version" select="$build-version"/>
            <xsl:with-param name="date" select="$build-date"/>
          </xsl:call-template>
        </footer>
        <xsl:if test="normalize-space($js)">
          <script><xsl:value-of select="$js"/></script>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- The reading-view switch (pure CSS: works without JavaScript) and the downloads. -->
  <xsl:template name="te:toolbar" as="element()">
    <nav class="toolbar" aria-label="Edition tools">
      <xsl:if test="//text//(choice | lb | sic | orig | abbr)">
        <span class="view-switch">
          <input type="checkbox" id="diplomatic-view" class="diplomatic-toggle"/>
          <!-- The label promises only what this document has. -->
          <label for="diplomatic-view">Diplomatic view (<xsl:value-of select="string-join((
              if (//text//(choice | sic | orig | abbr)) then 'original readings' else (),
              if (//text//lb) then 'line breaks' else ()), ' and ')"/>)</label>
        </span>
      </xsl:if>
      <xsl:call-template name="te:witness-switch"/>
      <ul class="downloads" aria-label="Downloads">
        <xsl:if test="normalize-space($tei-href)">
          <li><a href="{$tei-href}" download="" type="application/tei+xml">Download TEI XML</a></li>
        </xsl:if>
        <xsl:if test="normalize-space($pdf-href)">
          <li><a href="{$pdf-href}" download="" type="application/pdf">Download PDF</a></li>
        </xsl:if>
        <xsl:if test="normalize-space($iiif-href)">
          <li><a href="{$iiif-href}" type="application/ld+json" title="The page images, for a IIIF viewer">IIIF manifest</a></li>
        </xsl:if>
        <li><a href="#cite">How to cite</a></li>
        <xsl:if test="//text//note[te:is-numbered-note(.)][te:on-this-page(.)]"><li><a href="#notes">Notes</a></li></xsl:if>
        <xsl:if test="//text//app[not(parent::listApp)][te:on-this-page(.)]"><li><a href="#apparatus">Apparatus</a></li></xsl:if>
        <xsl:if test="$te:toc-shown"><li><a href="#toc-title">Contents</a></li></xsl:if>
        <xsl:if test="exists($te:all-mentions)"><li><a href="#index">Index</a></li></xsl:if>
      </ul>
    </nav>
  </xsl:template>
</xsl:stylesheet>
