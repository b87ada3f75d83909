<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the page skeleton.  <head> carries the PDF metadata WeasyPrint
  reads (title, author, description = subject, keywords, html/@lang), from the
  citation record (facts.py, citing.py); the
  first page carries the title block (title, date, archival citation,
  translator and obtainer, funder, summary, rights, how to cite) built from the
  shared header templates; the strings for the running heads (short title,
  archival reference) are set by string-set on a hidden line; headings give
  the PDF bookmarks.  After the document: endnotes when asked for, and the
  editorial conventions of the edition.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode use-accumulators="#all" on-no-match="shallow-skip"/>

  <!-- Longest running-head title, in characters, before it is cut at a word. -->
  <xsl:variable name="te:short-title-length" as="xs:integer" select="56"/>
  <xsl:variable name="te:short-reference-length" as="xs:integer" select="64"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(TEI, teiCorpus/TEI)[1]"/>
  </xsl:template>

  <xsl:template match="TEI">
    <xsl:variable name="title" select="te:title(/)"/>
    <!-- Title, authors, subject and the header's keywords: the citation record's (facts.py); then the
         persons, organisations and places the index lists, as further keywords. -->
    <xsl:variable name="pdf" select="$te:record?pdf" as="map(*)?"/>
    <xsl:variable name="keywords" select="distinct-values((
        $pdf?keywords?*,
        for $m in $te:all-mentions return te:entry-name($m)))[normalize-space()]"/>
    <html lang="{(text/@xml:lang, @xml:lang, 'en')[normalize-space()][1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:for-each select="$pdf?authors?*">
          <meta name="author" content="{.}"/>
        </xsl:for-each>
        <meta name="description" content="{($pdf?subject[normalize-space()], $title)[1]}"/>
        <xsl:if test="exists($keywords)">
          <meta name="keywords" content="{string-join($keywords, ', ')}"/>
        </xsl:if>
        <meta name="generator" content="teiedition"/>
      </head>
      <body class="paper-{te:token($paper)} notes-{te:token($notes)}">
        <p class="running-strings" aria-hidden="true">
          <span class="rh-title"><xsl:value-of select="te:short-title($title)"/></span>
          <span class="rh-ref"><xsl:value-of select="te:shortened((te:source-citation(/)[normalize-space()],
              te:date-text(te:doc-date(/)))[1], $te:short-reference-length)"/></span>
        </p>
        <div class="title-block">
          <xsl:call-template name="te:masthead"/>
          <xsl:call-template name="te:about-section"/>
        </div>
        <main class="document" id="document">
          <h2 class="document-heading">Document</h2>
          <xsl:apply-templates select="text" mode="te:text"/>
          <!-- A documentary transcription (surfaces, zones, lines), after the text when there is one:
               a file whose only content is its sourceDoc prints that (as the HTML edition shows it). -->
          <xsl:apply-templates select="sourceDoc" mode="te:text"/>
        </main>
        <!-- Stand-off registers (persons, places ...) that no name of the text points at. -->
        <xsl:call-template name="te:register-section"/>
        <xsl:if test="$notes = 'endnotes'">
          <xsl:call-template name="te:notes-section"/>
        </xsl:if>
        <xsl:call-template name="te:print-about"/>
      </body>
    </html>
  </xsl:template>

  <!--
    About this edition, for a reader of the paper: the project's own description, how
    this print edition shows the text (what its signs mean, the corrections it made,
    each with its page), and where the file came from.  The encoding declarations
    teiedition itself writes speak TEI to TEI users ("choice/sic/corr, resp #encoder"):
    they stay in the TEI file and the HTML edition's "For TEI users"; a project's own
    declarations are its words to its readers and are printed.  Kept on one page
    (print.css), so that no page holds only its last lines.
  -->
  <xsl:template name="te:print-about" as="element()?">
    <xsl:variable name="enc" select="teiHeader/encodingDesc"/>
    <xsl:variable name="ours" select="$enc/appInfo/application/@ident = 'teiedition'"/>
    <xsl:variable name="labels" select="te:repeated-note-labels(/)"/>
    <xsl:variable name="own" as="element()*">
      <xsl:for-each select="$enc/projectDesc[normalize-space()]">
        <div class="projectDesc"><xsl:apply-templates select="*[normalize-space()]" mode="te:decl"/></div>
      </xsl:for-each>
      <xsl:if test="not($ours)">
        <xsl:for-each select="$enc/(samplingDecl, editorialDecl)[normalize-space()]">
          <div class="{local-name()}"><xsl:apply-templates select="*[normalize-space()]" mode="te:decl"/></div>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <!-- What this print did and what the file records of itself; teiedition's conventions (the
         translator's brackets, stamps, marginal marks) are said only of the documents it encoded:
         another project's file gets only what it says and what was done to it. -->
    <xsl:variable name="conventions" as="element()*">
      <xsl:if test="$ours">
        <p>Words supplied by the translator are set in square brackets, as in the source.
          Stamps and handwriting are printed where the translator reports them, with a label.
          Numbered notes are the translator’s notes and the document’s own footnotes,
          <xsl:value-of select="if ($notes = 'endnotes') then 'collected under Notes after the document'
            else 'set at the foot of the page that calls them'"/><xsl:if test="exists($labels)">; the label
            the notes repeat (<xsl:value-of select="string-join($labels ! ('“' || . || '”'), ', ')"/>) is
            printed on the first of them only</xsl:if>.
          Marks a later reader made in the margin of the original are shown in the left margin:
          a vertical bar (single or double) beside the marked lines, and ? or ! level with the
          first of them. Where the translator names only a paragraph, or the marked passage
          cannot be located more closely, the bar stands beside the whole paragraph.</p>
      </xsl:if>
      <xsl:if test="not($ours) and exists($labels)">
        <p>The label the notes repeat (<xsl:value-of select="string-join($labels ! ('“' || . || '”'), ', ')"/>)
          is printed on the first of them only.</p>
      </xsl:if>
      <xsl:call-template name="te:corrections-list"/>
      <xsl:for-each select="$enc/appInfo/application[normalize-space(@ident)]">
        <p class="application">Encoded with <xsl:value-of select="@ident"/>
          <xsl:value-of select="if (@version) then ' ' || @version else ''"/>.</p>
      </xsl:for-each>
      <xsl:for-each select="teiHeader/revisionDesc//change[normalize-space() or @when]">
        <p class="change">
          <xsl:if test="@when"><xsl:value-of select="te:human-date(@when)"/>: </xsl:if>
          <xsl:value-of select="te:plain(.)"/>
        </p>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($own) or exists($conventions)">
      <section id="edition" class="edition print-about" aria-labelledby="edition-title">
        <h2 id="edition-title">About this edition</h2>
        <xsl:sequence select="$own"/>
        <xsl:if test="exists($conventions)">
          <section class="print-conventions">
            <h3>This print edition</h3>
            <xsl:sequence select="$conventions"/>
          </section>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A running-head title: whole when short, else cut at a word with an ellipsis. -->
  <xsl:function name="te:short-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="te:shortened($title, $te:short-title-length)"/>
  </xsl:function>

  <!-- A running head's text cut at a word before $length characters, with an ellipsis: a head is
       one or two lines beside the page's top edge, never a paragraph running off it (another
       project's sourceDesc may hold a whole bibliography entry). -->
  <xsl:function name="te:shortened" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="flat" select="normalize-space($text)"/>
    <xsl:sequence select="if (string-length($flat) le $length) then $flat
        else replace(substring($flat, 1, $length), '[\s,;:.‘’“”''&quot;(]+[^\s]*$', '') || ' …'"/>
  </xsl:function>

</xsl:stylesheet>
