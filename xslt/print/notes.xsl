<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: numbered notes (translator's notes, the document's own
  footnotes).  With notes=footnotes a note becomes a CSS footnote
  (float: footnote in print.css): WeasyPrint sets its body at the foot of the
  page of its call and leaves a ::footnote-call where it stood.  With
  notes=endnotes it becomes a superscript reference to the shared list of
  notes (te:notes-section) printed after the document.  The number is the
  one the HTML edition shows (te:note-number).  Stamps and handwriting keep
  the shared labelled boxes (common/marks.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="te:note-reference">
    <xsl:choose>
      <xsl:when test="$notes = 'endnotes'">
        <a class="noteref" id="{te:noteref-id(.)}" href="#{te:note-id(.)}">
          <xsl:value-of select="te:note-number(.)"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="fn type-{te:token(@type)}" id="{te:note-id(.)}" data-n="{te:note-number(.)}">
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            <xsl:with-param name="te:in-note" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note call hugs the word before it ("movement.¹", not "movement. ¹") when a space
       or punctuation follows the note anyway, so no two words are ever glued together. -->
  <xsl:template match="text()[following-sibling::node()[1][self::note[te:is-numbered-note(.)]]]
      [matches(., '\s$')]" mode="te:text" priority="1">
    <xsl:variable name="after" select="following-sibling::node()[1]/following-sibling::node()
        [not(self::metamark or self::note[te:is-numbered-note(.)])][1]"/>
    <xsl:value-of select="if (empty($after) or ($after instance of text() and matches($after, '^[\s\p{P}]')))
        then replace(., '\s+$', '') else ."/>
  </xsl:template>
</xsl:stylesheet>
