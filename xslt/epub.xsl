<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the e-book (EPUB 3): the print edition's templates (the
  page-free parts of print.xsl: notes as endnotes, marks as data-bars and
  glyphs, MathML as linear text, the apparatus as notes) under a skeleton of
  its own.  An e-book has no pages: no running heads, no page references; a
  reader's own settings set type and size.  teiedition.rendering.epub turns the
  result into XHTML and packs it with its navigation document and style sheet.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="print.xsl"/>

  <xsl:template match="TEI">
    <xsl:variable name="title" select="te:title(/)"/>
    <html lang="{(text/@xml:lang, @xml:lang, 'en')[normalize-space()][1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" type="text/css" href="edition.css"/>
      </head>
      <body class="epub notes-endnotes">
        <section class="title-block" aria-label="About this document">
          <xsl:call-template name="te:masthead"/>
          <xsl:call-template name="te:about-section"/>
        </section>
        <section class="document" id="document" aria-labelledby="document-heading">
          <h2 class="document-heading" id="document-heading">Document</h2>
          <xsl:apply-templates select="text" mode="te:text"/>
          <xsl:apply-templates select="sourceDoc" mode="te:text"/>
        </section>
        <xsl:call-template name="te:notes-section"/>
        <xsl:apply-templates select="/" mode="te:apparatus"/>
        <xsl:call-template name="te:edition-section">
          <xsl:with-param name="guide" select="false()"/>
        </xsl:call-template>
        <section class="epub-conventions" aria-labelledby="conventions-title">
          <h3 id="conventions-title">This e-book</h3>
          <p>Words supplied by the translator are set in square brackets, as in the source.
            Stamps and handwriting are set where the translator reports them, with a label.
            Numbered notes are collected under Notes after the document; each number links
            to its note and back. Marks a later reader made in the margin of the original
            are shown as a rule at the left of the marked passage (double for a double line),
            with ? or ! where the reader wrote one.</p>
          <xsl:call-template name="te:corrections-list">
            <xsl:with-param name="where" select="'In the text'"/>
          </xsl:call-template>
        </section>
      </body>
    </html>
  </xsl:template>

  <!-- A variant's call links to its entry in the apparatus after the document (no footnotes). -->
  <xsl:template name="te:app-call">
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
      <xsl:attribute name="class" select="'noteref appref'"/>
      <xsl:attribute name="id" select="'appref-' || te:app-number(.)"/>
      <xsl:if test="not($te:in-link)">
        <xsl:attribute name="href" select="'#app-' || te:app-number(.)"/>
      </xsl:if>
      <xsl:value-of select="'v' || te:app-number(.)"/>
    </xsl:element>
  </xsl:template>

  <!-- An e-book has no print list of notes to switch: notes always go after the document. -->
  <xsl:param name="notes" as="xs:string" select="'endnotes'"/>
</xsl:stylesheet>
