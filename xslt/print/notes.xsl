<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: numbered notes (translator's notes, the document's own
  footnotes).  With notes=footnotes a note becomes a CSS footnote
  (float: footnote in print.css): WeasyPrint sets its body at the foot of the
  page of its call; the number in the text is the a.fn-call just before it.
  With notes=endnotes it becomes a superscript reference to the shared list
  of notes (te:notes-section) printed after the document.  Either way the
  number in the text links to the note and the note's number back to the
  text (PDF link annotations).  The number is the one the HTML edition shows
  (te:note-number).  Stamps and handwriting keep the shared labelled boxes
  (common/marks.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="te:note-reference">
    <!-- Inside a link (a ref) the call cannot be a link itself: HTML has no nested links. -->
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="te:note-number(.)"/>
    <xsl:choose>
      <xsl:when test="$notes = 'endnotes'">
        <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
          <xsl:attribute name="class" select="'noteref'"/>
          <xsl:attribute name="id" select="te:noteref-id(.)"/>
          <xsl:if test="not($te:in-link)">
            <xsl:attribute name="href" select="'#' || te:note-id(.)"/>
            <xsl:attribute name="aria-label" select="te:note-label(.) || ' ' || $n"/>
          </xsl:if>
          <xsl:value-of select="$n"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <!-- The number in the text is a link to the footnote, and the footnote's number a link
             back.  Neither can be WeasyPrint's ::footnote-call or ::footnote-marker (a
             pseudo-element cannot carry a link), and the call cannot wrap the footnote (the
             footnote's own number would be a link inside a link), so the number in the text is
             an element of its own just before the footnote, whose ::footnote-call is empty. -->
        <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
          <xsl:attribute name="class" select="'fn-call'"/>
          <xsl:attribute name="id" select="te:noteref-id(.)"/>
          <xsl:if test="not($te:in-link)">
            <xsl:attribute name="href" select="'#' || te:note-id(.)"/>
            <xsl:attribute name="aria-label" select="te:note-label(.) || ' ' || $n"/>
          </xsl:if>
          <xsl:value-of select="$n"/>
        </xsl:element>
        <span class="fn type-{te:token(@type)}" id="{te:note-id(.)}" data-n="{$n}">
          <xsl:element name="{if ($te:in-link) then 'span' else 'a'}">
            <xsl:attribute name="class" select="'fn-number'"/>
            <xsl:if test="not($te:in-link)">
              <xsl:attribute name="href" select="'#' || te:noteref-id(.)"/>
              <xsl:attribute name="aria-label" select="'Back to the text at note ' || $n"/>
            </xsl:if>
            <xsl:value-of select="$n"/>
          </xsl:element>
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            <xsl:with-param name="te:in-note" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
