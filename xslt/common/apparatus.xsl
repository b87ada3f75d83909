<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (app, lem, rdg, rdgGrp, witnesses in listWit).
  Why: a reader reads the text, not a dump of variants.  As TEI Publisher, EVT
  and the TEI Stylesheets show it, the lemma (else the first reading) stands in
  the text; the readings with their witnesses' sigla are an apparatus entry:
  a popover at the variant and a numbered list after the document (print:
  a footnote, print/apparatus.xsl).  Each reading is also kept, hidden, beside
  the lemma, so the witness switch (?wit=B, edition.js) can show the text of
  one witness without a second rendering.
  Parallel segmentation is read as written.  A location-referenced apparatus
  (an app that holds no lem, placed after the words it concerns) has no lemma
  to show in the text: its entry is the readings alone, at the place it stands.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="te:apparatus" on-no-match="shallow-skip" use-accumulators="#all"/>

  <!-- Apparatus entries (app not inside another app), numbered in document order. -->
  <xsl:accumulator name="te:app-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//app[not(ancestor::app)][not(parent::listApp)]" phase="start" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="te:app-number" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="string($app/accumulator-before('te:app-count'))"/>
  </xsl:function>

  <!-- Is the apparatus location-referenced (no lemma: the readings stand after the text)? -->
  <xsl:function name="te:app-located-elsewhere" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="empty($app/lem) and (root($app)//variantEncoding/@method = ('location-referenced', 'double-end-point')
        or $app/@loc or $app/@from)"/>
  </xsl:function>

  <!-- The reading that stands in the text: the lemma, else the first reading. -->
  <xsl:function name="te:app-base" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="if (te:app-located-elsewhere($app)) then () else ($app/lem, $app/(rdg | rdgGrp//rdg))[1]"/>
  </xsl:function>

  <!-- Every reading of the entry in document order (readings inside rdgGrp included). -->
  <xsl:function name="te:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(lem | rdg | rdgGrp//(lem | rdg))"/>
  </xsl:function>

  <!-- A witness's siglum as the reader sees it: the witness's @n, else its id ("#A" -> "A"). -->
  <xsl:function name="te:siglum" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="witness" select="key('te:by-id', substring-after($pointer, '#'), root($context))[self::witness]"/>
    <xsl:sequence select="(normalize-space($witness[1]/@n)[.], replace($pointer, '^#', ''))[1]"/>
  </xsl:function>

  <xsl:function name="te:sigla" as="xs:string">
    <xsl:param name="wit" as="attribute()?"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($wit), ' ') ! te:siglum(., $wit), ' ')"/>
  </xsl:function>

  <!-- The witnesses a reader can switch to: listWit, else every siglum the apparatus names. -->
  <xsl:function name="te:witnesses" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="listed" select="$doc//sourceDesc//listWit//witness[@xml:id]/string(@xml:id)"/>
    <xsl:sequence select="if (exists($listed)) then $listed
        else distinct-values($doc//text//app//@wit ! tokenize(normalize-space(.), ' ')[starts-with(., '#')] ! substring(., 2))"/>
  </xsl:function>

  <!-- In the text: the lemma, the other readings kept hidden for the witness switch, the call. -->
  <xsl:template match="app" mode="te:text" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="base" select="te:app-base(.)"/>
    <span>
      <xsl:call-template name="te:start"/>
      <xsl:for-each select="te:app-readings(.)">
        <span data-wit="{tokenize(normalize-space(@wit), ' ') ! replace(., '^#', '')}">
          <xsl:attribute name="class" select="if (. is $base) then 'lemma' else 'reading'"/>
          <xsl:if test="not(. is $base)"><xsl:attribute name="hidden" select="''"/></xsl:if>
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
      </xsl:for-each>
      <xsl:if test="not(ancestor::app) and not($te:copy)">
        <xsl:call-template name="te:app-call"/>
      </xsl:if>
      <xsl:apply-templates select="note | witDetail" mode="te:text"/>
    </span>
  </xsl:template>
  <!--
    An apparatus given apart from the text (listApp, as EpiDoc editions put it in a div
    type="apparatus"): it is itself the apparatus, so it is a list where it stands, each entry
    read in place ("3: Mommsen: vixit"), its notes as words of the entry, with no call and no
    popover (a call beside a note call made two small targets side by side).
  -->
  <xsl:template match="listApp" mode="te:text" as="node()*">
    <xsl:apply-templates select="head" mode="te:text"/>
    <ul class="app-list list-app">
      <xsl:for-each select="app">
        <li class="app-list-entry">
          <xsl:if test="normalize-space(@loc)">
            <span class="app-loc"><xsl:value-of select="normalize-space(@loc)"/></span>
            <xsl:text>: </xsl:text>
          </xsl:if>
          <xsl:call-template name="te:app-entry-text"/>
          <xsl:for-each select="note | witDetail">
            <xsl:text> </xsl:text>
            <span class="app-note"><xsl:apply-templates mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            </xsl:apply-templates></span>
          </xsl:for-each>
        </li>
      </xsl:for-each>
    </ul>
    <xsl:apply-templates select="* except (head, app)" mode="te:text"/>
  </xsl:template>
  <xsl:template match="witDetail" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="class" select="'editorial'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The entry as an apparatus line: "lemma] reading B; reading C" (om. for an empty reading). -->
  <xsl:template name="te:app-entry-text" as="node()*">
    <xsl:variable name="base" select="te:app-base(.)"/>
    <xsl:if test="$base">
      <span class="app-lemma"><xsl:apply-templates select="$base/node()" mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
        <xsl:with-param name="te:copy" tunnel="yes" select="true()"/>
      </xsl:apply-templates></span>
      <xsl:if test="$base/@wit">
        <xsl:text> </xsl:text>
        <span class="wit"><xsl:value-of select="te:sigla($base/@wit)"/></span>
      </xsl:if>
      <xsl:text>] </xsl:text>
    </xsl:if>
    <xsl:for-each select="te:app-readings(.) except $base">
      <xsl:if test="position() gt 1">; </xsl:if>
      <span class="app-reading">
        <xsl:choose>
          <xsl:when test="normalize-space() or *">
            <xsl:apply-templates mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              <xsl:with-param name="te:copy" tunnel="yes" select="true()"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise><i class="editorial">om.</i></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="@wit">
        <xsl:text> </xsl:text>
        <span class="wit"><xsl:value-of select="te:sigla(@wit)"/></span>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The call in the text (screen): a button opening the entry as a popover.  Inside a link (a
       ref) no button can stand: the number alone, the entry in the list after the document. -->
  <xsl:template name="te:app-call" as="element()">
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="te:app-number(.)"/>
    <xsl:variable name="pop" select="'pop-app-' || $n"/>
    <xsl:choose>
      <xsl:when test="$te:in-link">
        <span class="noteref appref" id="appref-{$n}"><xsl:value-of select="'v' || $n"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="noteref-wrap">
          <button type="button" class="noteref appref" id="appref-{$n}" popovertarget="{$pop}"
              aria-label="Variant readings v{$n}" data-note="app-{$n}">
            <xsl:value-of select="'v' || $n"/>
          </button>
          <span popover="auto" id="{$pop}" class="note-popover app-popover">
            <xsl:if test="not(ancestor::head)">  <!-- no role=note in a heading (common/notes.xsl) -->
              <xsl:attribute name="role" select="'note'"/>
              <xsl:attribute name="aria-label" select="'Variant readings v' || $n"/>
            </xsl:if>
            <span class="note-popover-head">
              <span class="note-popover-label">Variant readings</span>
              <button type="button" class="note-close" popovertarget="{$pop}" popovertargetaction="hide"
                  aria-label="Close">×</button>
            </span>
            <span class="note-body app-entry"><xsl:call-template name="te:app-entry-text"/></span>
            <a class="note-to-list" href="#app-{$n}">In the apparatus</a>
          </span>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The witness switch (toolbar): the edited text, or one witness's (?wit=ID, edition.js). -->
  <xsl:template name="te:witness-switch" as="element()?">
    <xsl:variable name="apps" select="//text//app[not(ancestor::app)]"/>
    <xsl:variable name="witnesses" select="te:witnesses(/)"/>
    <xsl:if test="exists($apps) and exists($witnesses)">
      <nav class="witness-switch" aria-label="Read the text of one witness">
        <span>Text of: </span>
        <ul>
          <li><a href="?" data-wit="" aria-current="page">edited text</a></li>
          <xsl:for-each select="$witnesses">
            <xsl:variable name="w" select="key('te:by-id', ., root($apps[1]))[self::witness][1]"/>
            <li><a href="?wit={encode-for-uri(.)}" data-wit="{.}">
              <xsl:if test="$w"><xsl:attribute name="title" select="te:plain($w)"/></xsl:if>
              <xsl:value-of select="te:siglum('#' || ., $apps[1])"/>
            </a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- After the document: the witnesses and the numbered apparatus. -->
  <xsl:template name="te:apparatus-section" as="element()?">
    <xsl:apply-templates select="/" mode="te:apparatus"/>
  </xsl:template>
  <xsl:template match="/" mode="te:apparatus" as="element()?">
    <xsl:variable name="apps" select="//text//app[not(ancestor::app)][not(parent::listApp)][te:on-this-page(.)]"/>
    <xsl:if test="exists($apps)">
      <section id="apparatus" class="apparatus-section" aria-labelledby="apparatus-title">
        <h2 id="apparatus-title">Critical apparatus</h2>
        <xsl:if test="exists(//sourceDesc//listWit//witness[@xml:id])">
          <dl class="witness-list">
            <xsl:for-each select="//sourceDesc//listWit//witness[@xml:id]">
              <dt><xsl:value-of select="te:siglum('#' || @xml:id, .)"/></dt>
              <dd><xsl:value-of select="te:plain(.)"/></dd>
            </xsl:for-each>
          </dl>
        </xsl:if>
        <ol class="app-list">
          <xsl:for-each select="$apps">
            <xsl:variable name="n" select="te:app-number(.)"/>
            <li id="app-{$n}" class="app-list-entry">
              <a class="note-number" href="#appref-{$n}" aria-label="Back to the text at variant v{$n}">
                <xsl:value-of select="'v' || $n"/>
              </a>
              <xsl:text> </xsl:text>
              <span class="app-entry"><xsl:call-template name="te:app-entry-text"/></span>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
