<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the HTML edition: imports and parameters only.
  Shared templates live in common/ (one file per element family, modes
  prefixed te:); HTML-only templates in html/.  Later imports win, so html/
  can override common/ and print.xsl can import the same common/ files.
  Parameters are passed by teiedition.render (CSS and script are inlined).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
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
  <xsl:import href="site/nav.xsl"/>
  <xsl:import href="html/page.xsl"/>
  <xsl:import href="html/corpus.xsl"/>
  <xsl:import href="html/chunks.xsl"/>
  <xsl:import href="html/reading.xsl"/>

  <!-- Link to the TEI file for download (relative to the HTML page), or empty for none. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- Link to the PDF edition, or empty when there is none. -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <!-- Link to the document's IIIF Presentation 3 manifest (its page images), or empty when there is none. -->
  <xsl:param name="iiif-href" as="xs:string" select="''"/>
  <!-- The address the page is published under (https://.../NAME.html), or empty when not known. -->
  <xsl:param name="page-url" as="xs:string" select="''"/>
  <!-- The base URL of the published folder (links are made absolute against it), or empty. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- The stylesheet text inlined into <style>. -->
  <xsl:param name="css" as="xs:string" select="''"/>
  <!-- The script text inlined into <script>. -->
  <xsl:param name="js" as="xs:string" select="''"/>

  <!--
    Collection pages (teiedition build): the index link, the neighbours by
    date, the build's version and run date, and the extra CSS for the bar.
    All empty for a page rendered on its own (teiedition render).
  -->
  <xsl:param name="index-href" as="xs:string" select="''"/>
  <xsl:param name="prev-href" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="prev-date" as="xs:string" select="''"/>
  <xsl:param name="next-href" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>
  <xsl:param name="next-date" as="xs:string" select="''"/>
  <xsl:param name="build-version" as="xs:string" select="''"/>
  <xsl:param name="build-date" as="xs:string" select="''"/>
  <xsl:param name="site-css" as="xs:string" select="''"/>
</xsl:stylesheet>
