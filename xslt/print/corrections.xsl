<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: corrected slips and repeated note labels, read as on screen.
  A corrected slip (choice with sic or orig and corr or reg) prints its reading
  only, as the HTML reading view shows it; the original is listed with its page
  under "This print edition" (print/document.xsl), where the screen edition
  gives it on demand (a tooltip, the diplomatic view).  A note label that the
  notes repeat ("Translator's note:" on every note) is printed on the first
  such note only; the conventions say so.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The corrected slips of the text, in document order. -->
  <xsl:function name="te:print-corrections" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc//text//choice[(sic | orig) and (corr | reg)]"/>
  </xsl:function>

  <!-- choice elements in document order (counted once, not by a preceding:: walk per choice). -->
  <xsl:accumulator name="te:choice-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="choice" phase="start" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="te:correction-id" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <!-- Not generate-id(): Saxon numbers documents per run, and the same TEI must give the same bytes. -->
    <xsl:sequence select="'correction-' || $choice/accumulator-before('te:choice-count')"/>
  </xsl:function>

  <xsl:template match="choice[(sic | orig) and (corr | reg)]" mode="te:text" priority="2" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <span>
      <xsl:call-template name="te:start"/>
      <span class="reading">
        <xsl:if test="not($te:copy)">
          <xsl:attribute name="id" select="te:correction-id(.)"/>
        </xsl:if>
        <xsl:apply-templates select="(corr, reg)[1]/node()" mode="te:text">
          <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
        </xsl:apply-templates>
      </span>
      <xsl:apply-templates select="* except ((sic, orig)[1], (corr, reg)[1])" mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- The own label ("Translator's note:") of a numbered note, as the reader sees it. -->
  <xsl:function name="te:own-label" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note[te:is-numbered-note(.)]/label[1][not(preceding-sibling::node()[normalize-space()])]
        ! normalize-space(.)"/>
  </xsl:function>

  <!-- Labels that more than one numbered note of the text begins with. -->
  <xsl:function name="te:repeated-note-labels" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="labels" select="$doc//text//note ! te:own-label(.)"/>
    <xsl:sequence select="distinct-values($labels)[count(index-of($labels, .)) gt 1]"/>
  </xsl:function>

  <!-- How many notes of the text so far began with each label (this note included). -->
  <xsl:accumulator name="te:note-labels" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="text//note" phase="start"
        select="let $own := te:own-label(.) return if (exists($own))
                then map:put($value, $own, ($value($own), 0)[1] + 1) else $value"/>
  </xsl:accumulator>

  <!-- Is this the label of a note that an earlier note of the text already began with? -->
  <xsl:function name="te:repeated-label" as="xs:boolean">
    <xsl:param name="label" as="element()"/>
    <xsl:variable name="own" select="te:own-label($label/..)"/>
    <xsl:sequence select="$label is $label/../label[1] and exists($own)
        and $label/../accumulator-before('te:note-labels')($own) gt 1"/>
  </xsl:function>

  <xsl:template match="note/label" mode="te:text" priority="1" as="node()*">
    <xsl:if test="not(te:repeated-label(.))">
      <xsl:next-match/>
    </xsl:if>
  </xsl:template>

  <!-- The note's text then starts at its first word, not at the space after the label. -->
  <xsl:template match="note/text()[preceding-sibling::node()[1][self::label][te:repeated-label(.)]]"
      mode="te:text" priority="2" as="text()?">
    <xsl:value-of select="replace(., '^\s+', '')"/>
  </xsl:template>
  <!--
    The original readings of the corrected slips, each with a link to its correction: on paper
    the link reads "page N" (print.css counts the page), in an e-book "in the text".
  -->
  <xsl:template name="te:corrections-list" as="element()*">
    <xsl:param name="where" as="xs:string" select="'page '"/>
    <xsl:variable name="corrections" select="te:print-corrections(/)"/>
    <!-- teiedition's documents are translations whose slips it corrected; another project's file
         corrects or regularises its source itself. -->
    <xsl:variable name="ours" select="//teiHeader/encodingDesc/appInfo/application/@ident = 'teiedition'"/>
    <xsl:if test="exists($corrections)">
      <xsl:choose>
        <xsl:when test="$ours">
          <p>Obvious slips of the translation are corrected in the text, as in the screen edition;
            the original readings, which the screen edition shows on demand, are listed here:</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Readings this file corrects or regularises are printed as corrected, as in the screen edition;
            the readings of the source, which the screen edition shows on demand, are listed here:</p>
        </xsl:otherwise>
      </xsl:choose>
      <ul class="corrections">
        <xsl:for-each select="$corrections">
          <li>
            <a class="correction-page" href="#{te:correction-id(.)}"
               aria-label="The correction in the text"><xsl:value-of select="$where"/></a>
            <xsl:text>: </xsl:text>
            <span class="correction-reading"><xsl:value-of select="te:plain((corr, reg)[1])"/></span>
            <xsl:text> (the </xsl:text>
            <xsl:value-of select="if ($ours) then 'translation' else 'source'"/>
            <xsl:text> reads “</xsl:text>
            <span class="correction-original"><xsl:value-of select="te:plain((sic, orig)[1])"/></span>
            <xsl:text>”)</xsl:text>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
