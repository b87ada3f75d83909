<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: translator's notes, footnotes and any other note (mode te:text for the
  reference in the text, mode te:notes for the list of notes).
  Why: a note is read where it stands (an accessible popover: a button that
  opens it, Escape or the button closes it) and in a numbered list at the end
  with a link back to where it stands.  Stamp and handwriting notes are drawn
  in place instead (marks.xsl).  Print overrides te:note-reference.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="te:notes" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- The kind of note, as the reader sees it. -->
  <xsl:function name="te:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="
        if ($note/@type = 'translator') then 'Translator’s note'
        else if ($note/@type = 'footnote') then 'Footnote'
        else if ($note/@type = 'editorial') then 'Editor’s note'
        else if (normalize-space($note/@type)) then 'Note (' || replace($note/@type, '[-_]', ' ') || ')'
        else 'Note'"/>
  </xsl:function>

  <!-- Does the note's own text already say what it is ("Translator's note: ...")? -->
  <xsl:function name="te:labels-itself" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/label[1][not(preceding-sibling::node()[normalize-space()])])
        or matches(normalize-space(string-join($note/text()[1])), '^(translator|editor|note|footnote)', 'i')"/>
  </xsl:function>

  <!-- A note's own label ("Translator's note:") stays inline, styled as a label. -->
  <xsl:template match="note/label" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="class" select="'note-own-label'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A note standing alone on its line (te:note-stands-alone): its words where they stand, the translator's
       in brackets as printed ("[Translated from the Russian]"), a numbered one after its number. -->
  <xsl:template match="note[te:note-stands-alone(.)][not(@type = ('stamp', 'handwritten'))]" mode="te:text" priority="1" as="node()*">
    <span>
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="'note-in-place'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="normalize-space(@n)">
          <span class="note-number"><xsl:value-of select="normalize-space(@n)"/></span>
          <xsl:text> </xsl:text>
          <xsl:apply-templates mode="te:text"><xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <span class="bracket">[</span>
          <xsl:apply-templates mode="te:text"><xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
          <span class="bracket">]</span>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="note[te:is-numbered-note(.)]" mode="te:text" priority="1" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$te:copy">
        <!-- A note inside a note, in the list's second copy: shown inline. -->
        <span class="tei-note inline-note">
          <xsl:value-of select="' [' || te:note-label(.) || ': '"/>
          <xsl:apply-templates mode="te:text"/>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:note-reference"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The note reference: a button (popovertarget: native, keyboard-accessible,
    Escape closes) and the popover holding the note.  The reference's id is the
    target of the back-link in the list of notes.
  -->
  <xsl:template name="te:note-reference" as="element()">
    <xsl:variable name="n" select="te:note-number(.)"/>
    <xsl:variable name="pop" select="'pop-' || te:id(.)"/>
    <span class="noteref-wrap">
      <button type="button" class="noteref" id="{te:noteref-id(.)}" popovertarget="{$pop}"
          aria-label="{te:note-label(.)} {$n}" data-note="{te:note-id(.)}">
        <xsl:value-of select="$n"/>
      </button>
      <!-- In a heading no element may have role=note (HTML's ARIA rules): there the popover is
           known by its visible head ("Note 8"), as the button that opens it is by its label. -->
      <span popover="auto" id="{$pop}" class="note-popover">
        <xsl:if test="not(ancestor::head)">
          <xsl:attribute name="role" select="'note'"/>
          <xsl:attribute name="aria-label" select="te:note-label(.) || ' ' || $n"/>
        </xsl:if>
        <span class="note-popover-head">
          <!-- The note's own label ("Translator's note:") starts its text: the head gives the number only. -->
          <span class="note-popover-label"><xsl:value-of select="(if (te:labels-itself(.)) then 'Note' else te:note-label(.)) || ' ' || $n"/></span>
          <button type="button" class="note-close" popovertarget="{$pop}" popovertargetaction="hide"
              aria-label="Close note">×</button>
        </span>
        <span>
          <xsl:call-template name="te:attributes">
            <xsl:with-param name="class" select="'note-body'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            <xsl:with-param name="te:in-note" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
        <a class="note-to-list" href="#{te:note-id(.)}">In the list of notes</a>
      </span>
    </span>
  </xsl:template>

  <!-- The list of notes, in document order, each with a link back to its reference. -->
  <xsl:template name="te:notes-section" as="element()?">
    <xsl:param name="notes" as="element()*" select="//text//note[te:is-numbered-note(.)]"/>
    <xsl:if test="exists($notes)">
      <section id="notes" class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <ol class="note-list">
          <xsl:apply-templates select="$notes" mode="te:notes"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="te:notes" as="node()*">
    <xsl:variable name="n" select="te:note-number(.)"/>
    <li id="{te:note-id(.)}">
      <xsl:attribute name="class" select="string-join(('note-entry', 'tei-note',
          for $t in tokenize(normalize-space(@type), ' ') return 'type-' || te:token($t)), ' ')"/>
      <a class="note-number" href="#{te:noteref-id(.)}" aria-label="Back to the text at note {$n}">
        <xsl:value-of select="$n"/>
      </a>
      <xsl:text> </xsl:text>
      <xsl:if test="not(te:labels-itself(.))">
        <span class="note-label"><xsl:value-of select="te:note-label(.)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <span class="note-body">
        <!-- The list is a second copy: ids stay on the reference in the text. -->
        <xsl:apply-templates mode="te:text">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
          <xsl:with-param name="te:in-note" tunnel="yes" select="true()"/>
          <xsl:with-param name="te:copy" tunnel="yes" select="true()"/>
        </xsl:apply-templates>
      </span>
      <xsl:text> </xsl:text>
      <a class="backlink" href="#{te:noteref-id(.)}" aria-label="Back to the text at note {$n}">↩</a>
    </li>
  </xsl:template>
  <!-- A note call hugs the word before it ("movement.¹", not "movement. ¹"), on screen and on paper, when a space
       or punctuation follows the note anyway, so no two words are ever glued together. -->
  <xsl:template match="text()[following-sibling::node()[1][self::note[te:is-numbered-note(.)]]]
      [matches(., '\s$')]" mode="te:text" priority="1">
    <xsl:variable name="after" select="following-sibling::node()[1]/following-sibling::node()
        [not(self::metamark or self::note[te:is-numbered-note(.)])][1]"/>
    <xsl:value-of select="if (empty($after) or ($after instance of text() and matches($after, '^[\s\p{P}]')))
        then replace(., '\s+$', '') else ."/>
  </xsl:template>
</xsl:stylesheet>
