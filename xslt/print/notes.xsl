<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: notes.  Numbered notes (translator's notes, the original's
  footnotes) become CSS footnotes (float: footnote, set at the foot of the page
  of their call) or, with notes=endnotes, a numbered reference and an entry
  under "Notes" after the document.  Stamp and handwriting notes are not
  numbered: they stay in the text as labelled, bracketed text.
  Why: WeasyPrint places a float: footnote element's body in the page's
  footnote area and leaves its ::footnote-call where the element stood; the
  number a reader sees is the one the HTML edition shows (te:note-number).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="text//note[te:is-numbered-note(.)]" priority="2">
    <xsl:choose>
      <xsl:when test="$notes = 'endnotes'">
        <a class="noteref" id="{te:noteref-id(.)}" href="#{te:note-id(.)}">
          <xsl:value-of select="te:note-number(.)"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="fn {te:token(@type)}" id="{te:note-id(.)}" data-n="{te:note-number(.)}">
          <xsl:apply-templates select="node()" mode="te:note-body"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note call hugs the word before it ("movement.¹", not "movement. ¹") when a space
       or punctuation follows the note anyway, so no two words are ever glued together. -->
  <xsl:template match="text()[following-sibling::node()[1][self::note[te:is-numbered-note(.)]]]
      [matches(., '\s$')]" priority="1">
    <xsl:variable name="after" select="following-sibling::node()[1]/following-sibling::node()
        [not(self::metamark or self::note[te:is-numbered-note(.)])][1]"/>
    <xsl:value-of select="if (empty($after) or ($after instance of text() and matches($after, '^[\s\p{P}]')))
        then replace(., '\s+$', '') else ."/>
  </xsl:template>

  <!-- Endnotes: every numbered note of the text, in order, after the document. -->
  <xsl:template name="te:endnotes">
    <xsl:variable name="numbered" select="/TEI/text//note[te:is-numbered-note(.)]"/>
    <xsl:if test="exists($numbered)">
      <section class="endnotes" id="notes">
        <h2>Notes</h2>
        <xsl:for-each select="$numbered">
          <p class="endnote {te:token(@type)}" id="{te:note-id(.)}">
            <a class="endnote-n" href="#{te:noteref-id(.)}"><xsl:value-of select="te:note-number(.)"/></a>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="node()" mode="te:note-body"/>
          </p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Inside a note body everything is inline: block children become spans. -->
  <xsl:mode name="te:note-body" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="te:note-body">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="p | ab | list | item | quote | lg | l" mode="te:note-body">
    <span class="{local-name()}"><xsl:apply-templates select="node()" mode="te:note-body"/></span>
    <xsl:if test="following-sibling::*"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="te:note-body">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- Stamps and handwriting: labelled, bracketed text where the translator put it. -->
  <xsl:template match="text//note[@type = ('stamp', 'handwritten')]" priority="2">
    <xsl:variable name="label" select="if (@type = 'stamp') then 'Stamp' else 'Handwritten'"/>
    <xsl:variable name="block" select="empty(parent::p | parent::seg | parent::hi | parent::quote
        | parent::item | parent::signed | parent::dateline | parent::head | parent::l | parent::s)"/>
    <xsl:element name="{if ($block) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'editorial-note ' || @type"/>
      <span class="label"><xsl:value-of select="$label"/>
        <xsl:if test="@place"> (<xsl:value-of select="replace(@place, '-', ' ')"/>)</xsl:if>
      </span>
      <xsl:text> </xsl:text>
      <span class="bracketed">
        <xsl:text>[</xsl:text>
        <xsl:apply-templates select="node()" mode="te:note-body"/>
        <xsl:text>]</xsl:text>
      </span>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
