<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the print edition (PDF): TEI -> print HTML for WeasyPrint.
  Why: the print edition shares the element templates of the HTML edition
  (xslt/common/) and overrides only what paper needs: the page skeleton and
  title block, notes as footnotes or endnotes, and marginal marks.  The page
  layout itself is CSS Paged Media in xslt/assets/print.css.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="print/text.xsl"/>
  <xsl:import href="print/document.xsl"/>
  <xsl:import href="print/notes.xsl"/>
  <xsl:import href="print/marks.xsl"/>

  <!-- Page size (a4 | letter): only recorded as a class; pdf.py sets the @page size. -->
  <xsl:param name="paper" as="xs:string" select="'a4'"/>
  <!-- Where numbered notes go: footnotes (at the foot of the page of their call) | endnotes. -->
  <xsl:param name="notes" as="xs:string" select="'footnotes'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
