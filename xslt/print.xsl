<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the print edition (PDF): imports and parameters only.
  The element templates are the HTML edition's (common/, mode te:text); print/
  overrides what paper needs: the page skeleton with title block and running
  heads (print/document.xsl), notes as footnotes or endnotes (print/notes.xsl)
  and marginal marks for the PDF (print/marks.xsl).  The page layout itself is
  CSS Paged Media in assets/print.css; teiedition.pdf runs WeasyPrint.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    exclude-result-prefixes="#all">

  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="common/fallback.xsl"/>
  <xsl:import href="common/text.xsl"/>
  <xsl:import href="common/names.xsl"/>
  <xsl:import href="common/notes.xsl"/>
  <xsl:import href="common/marks.xsl"/>
  <xsl:import href="common/apparatus.xsl"/>
  <xsl:import href="common/facsimile.xsl"/>
  <xsl:import href="common/code.xsl"/>
  <xsl:import href="common/toc.xsl"/>
  <xsl:import href="common/sourcedoc.xsl"/>
  <xsl:import href="common/header.xsl"/>
  <xsl:import href="print/document.xsl"/>
  <xsl:import href="print/notes.xsl"/>
  <xsl:import href="print/marks.xsl"/>
  <xsl:import href="print/apparatus.xsl"/>
  <xsl:import href="print/math.xsl"/>
  <xsl:import href="print/corrections.xsl"/>

  <!-- Page size (a4 | letter): recorded as a class; teiedition.pdf sets the @page size. -->
  <xsl:param name="paper" as="xs:string" select="'a4'"/>
  <!-- Numbered notes: footnotes (foot of the page of their call) | endnotes (after the text). -->
  <xsl:param name="notes" as="xs:string" select="'footnotes'"/>

  <!-- The print edition has no index of names: a name is text, not a link to nothing (PDF/UA). -->
  <xsl:variable name="te:names-link-to-index" as="xs:boolean" select="false()"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" use-character-maps="te:c1-controls"/>
</xsl:stylesheet>
