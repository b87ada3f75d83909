<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text structure: TEI <text> and its blocks and phrases rendered as HTML (mode te:text).
  Why: the reading text of every edition.  Block elements become HTML blocks
  in flow content and <span class="block"> inside phrasing content (tunnel
  parameter $te:phrasing), so any nesting TEI allows still gives valid HTML5.
  Editorial conventions come back as the reader expects them: supplied words
  in brackets, [sic], gaps as [bracketed descriptions], corrections with their
  original kept for the diplomatic view.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="te:text" on-no-match="text-only-copy" use-accumulators="#all"/>

  <!-- ===== shared helpers ===== -->

  <!-- The HTML attributes every rendered TEI element carries: id, classes, language. -->
  <xsl:template name="te:attributes" as="attribute()*">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="(@xml:id or te:toc-anchor(.)) and not($te:copy)">
      <xsl:attribute name="id" select="te:id(.)"/>
    </xsl:if>
    <xsl:attribute name="class" select="string-join(distinct-values((
        'tei-' || local-name(), $class,
        for $t in tokenize(normalize-space(@type), ' ') return 'type-' || te:token($t),
        for $r in tokenize(normalize-space(@rend), ' ') return 'rend-' || te:token($r))), ' ')"/>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <!-- Text read from a region of a page image: edition.js lights the region (facsimile.xsl). -->
    <xsl:variable name="zones" select="te:targets(@facs)[self::zone]"/>
    <xsl:if test="exists($zones) and not($te:copy)">
      <xsl:attribute name="data-zone" select="$zones/@xml:id"/>
    </xsl:if>
    <!-- A span that marginal marks point at is their CSS anchor: the marks span it without JavaScript. -->
    <xsl:if test="@xml:id and not($te:copy) and exists(key('te:by-target', string(@xml:id))[self::metamark])">
      <xsl:attribute name="style" select="'anchor-name: ' || te:anchor-name(@xml:id)"/>
    </xsl:if>
  </xsl:template>

  <!-- Attributes, then the marginal marks that point at this element (see marks.xsl). -->
  <xsl:template name="te:start" as="node()*">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:attributes">
      <xsl:with-param name="class" select="$class"/>
    </xsl:call-template>
    <xsl:call-template name="te:margin-marks"/>
  </xsl:template>

  <!-- A TEI element as an HTML block in flow content, or as a span inside phrasing content. -->
  <xsl:template name="te:box" as="element()">
    <xsl:param name="block" as="xs:string" select="'div'"/>
    <xsl:param name="inline" as="xs:string" select="'span'"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="holds-phrasing" as="xs:boolean" select="false()"/>
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then $inline else $block}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="($class, if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or $holds-phrasing"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A TEI phrase as an inline HTML element. -->
  <xsl:template name="te:phrase" as="element()">
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="$class"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Does this element hold blocks that HTML does not allow inside <p>? -->
  <xsl:function name="te:holds-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(list[not(te:inline-list(.))] | listBibl | table | lg | sp | floatingText | figure
        | p | ab | child::div | castList | quote[p | lg | l | list] | cit[quote[p | lg | l]] | listPerson | listPlace))"/>
  </xsl:function>

  <!--
    A copies line printed in the run of a paragraph ("Copies: Mikoyan, Kaganovich, Khrushchev"): the
    converter's distribution list inside a p, each item keeping the comma after it and numbered only by
    its place (docs/encoding-decisions.md).  It reads inline, as printed, with no numbers of its own.
  -->
  <xsl:function name="te:inline-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="exists($list[@type = 'distribution'][parent::p][item][empty(* except item)])
        and (every $i in $list/item[position() lt last()] satisfies matches(string($i), '[,;]\s*$'))"/>
  </xsl:function>

  <!-- Bracketed editorial text ([sic], [illegible], ...): marked so renderers can style it. -->
  <xsl:template name="te:editorial" as="element()">
    <xsl:param name="text" as="xs:string"/>
    <span class="editorial"><xsl:value-of select="$text"/></span>
  </xsl:template>

  <!-- ===== divisions and blocks ===== -->

  <xsl:template match="text | front | body | back | group" mode="te:text" as="node()*">
    <xsl:call-template name="te:box"/>
  </xsl:template>

  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7 | argument | epigraph
      | floatingText | titlePage" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (self::floatingText or $te:phrasing) then 'div' else 'section'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A heading: its level follows the nesting of divisions (h2 under the page's h1). -->
  <xsl:template match="head" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <!-- Levels count only divisions that have a heading, so no level is skipped (h1, then h2 ...). -->
    <xsl:variable name="depth" select="max((1, te:headed-divisions(.)))"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (parent::list or parent::table or parent::lg or parent::figure
          or parent::opener or parent::closer) then 'div' else 'h' || min((6, 1 + $depth))"/>
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- How many divisions around an element have a heading that is shown as one (its heading level less one). -->
  <xsl:function name="te:headed-divisions" as="xs:integer">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="count($el/ancestor::*[self::div or matches(local-name(), '^div\d$') or self::floatingText]
        [head[not(te:is-header-line(.))]])"/>
  </xsl:function>

  <!--
    Header furniture (head[@type="sub"], docs/encoding-decisions.md: a short line of a document's
    opening group: a letterhead, an office's line, "Those Taking Part", the title repeated over the
    text) is a line of the document's header as the page prints it, not a section heading: set
    like the opener's lines, and no entry in the outline of headings a screen reader lists.
  -->
  <xsl:function name="te:is-header-line" as="xs:boolean">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="$head/@type = 'sub' and not($head/(parent::list or parent::table or parent::lg or parent::figure))"/>
  </xsl:function>

  <xsl:template match="head[te:is-header-line(.)]" mode="te:text" priority="1" as="node()*">
    <!-- a div as the heading was: a p is positioned on paper (print.css, for margin marks) and would be
         painted, and extracted, after the document's other lines -->
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="'div'"/>
      <xsl:with-param name="class" select="'header-line'"/>
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A line of rule characters only ("=====", "* * *"): a separator the typist drew, not words. -->
  <xsl:template match="head[te:is-header-line(.)][matches(., '^[\s=_*\-–—~.·]{3,}$')][empty(*)]"
      mode="te:text" priority="2" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('rule-line', if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:attribute name="role" select="'separator'"/>
      <xsl:value-of select="."/>
    </xsl:element>
  </xsl:template>

  <!--
    A numbered section heading in the body (ab[@type="heading"]: "I. United Arab Republic") heads the
    paragraphs under it: a heading one level under the division's own, never a numbered paragraph.
  -->
  <xsl:template match="ab[@type = 'heading'][not(ancestor::p or ancestor::ab or ancestor::note)]" mode="te:text"
      priority="1" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (te:holds-blocks(.)) then 'div' else 'h' || min((6, 2 + te:headed-divisions(.)))"/>
      <xsl:with-param name="holds-phrasing" select="not(te:holds-blocks(.))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="p | ab" mode="te:text" as="node()*">
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (te:holds-blocks(.)) then 'div' else 'p'"/>
      <xsl:with-param name="holds-phrasing" select="not(te:holds-blocks(.))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Letter and document furniture: one line each. -->
  <xsl:template match="postscript | trailer" mode="te:text" as="node()*">
    <xsl:call-template name="te:box"/>
  </xsl:template>

  <!--
    The opener's and closer's lines: each mark, dateline or salute is a line of its own, but words
    and marks the TEI runs together ("Rating: <seg>Urgent</seg>", "<seg>Personal</seg>.
    <seg>Secret.</seg>") are one line, as the page prints them: a reader saw "Rating:" and
    "Urgent" on two lines and a full stop alone on a third.
  -->
  <xsl:template match="opener | closer" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if ($te:phrasing) then 'block' else ()"/>
      </xsl:call-template>
      <xsl:for-each-group select="node()" group-starting-with="*[not(preceding-sibling::node()[1][self::text()][normalize-space()])]">
        <xsl:choose>
          <xsl:when test="exists(current-group()[self::text()][normalize-space()]) and exists(current-group()[self::*])">
            <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
              <xsl:attribute name="class" select="string-join(('furniture-line', if ($te:phrasing) then 'block' else (),
                  if (current-group()[self::seg[@type = ('copy', 'classification')]]) then 'marks-line' else ()), ' ')"/>
              <xsl:apply-templates select="current-group()" mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="current-group()" mode="te:text"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <xsl:template match="dateline | salute | signed | byline | docAuthor | docDate | docEdition | docImprint
      | docTitle | titlePart | imprimatur | speaker | stage[not(parent::p or parent::l or parent::seg)]
      | label[not(parent::list or parent::note)] | addrLine | address[not(ancestor::p)] | fw" mode="te:text" as="node()*">
    <xsl:call-template name="te:box">
      <xsl:with-param name="holds-phrasing" select="not(te:holds-blocks(.))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="sp" mode="te:text" as="node()*">
    <xsl:call-template name="te:box"/>
  </xsl:template>

  <!-- Verse: line groups and lines, with line numbers from @n when given. -->
  <xsl:template match="lg" mode="te:text" as="node()*">
    <xsl:call-template name="te:box"/>
  </xsl:template>
  <xsl:template match="l" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="indent" select="te:verse-indent(.)"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="(if ($te:phrasing) then 'block' else (), if (normalize-space(@n)) then 'numbered' else ())"/>
      </xsl:call-template>
      <xsl:if test="$indent gt 0">
        <xsl:attribute name="style" select="'text-indent: ' || $indent || 'ch'"/>
      </xsl:if>
      <xsl:if test="normalize-space(@n)">
        <span class="line-number" aria-hidden="true"><xsl:value-of select="@n"/></span>
      </xsl:if>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!--
    A verse line split between speakers (part="M" or "F") starts where the part before it
    ended: its indent is the length of the earlier parts, back to the initial one (part="I"),
    so the line reads as one across the speeches.  Counted in characters (CSS ch).
  -->
  <xsl:function name="te:verse-indent" as="xs:integer">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="before" select="$l/preceding::l[1]"/>
    <xsl:sequence select="if ($l/@part = ('M', 'F') and $before/@part = ('I', 'M'))
        then string-length(normalize-space($before)) + 1 + te:verse-indent($before)
        else 0"/>
  </xsl:function>

  <!--
    A list of labelled items (label, item, label, item: a record header's "Time:" / "11 October
    1963") is a description list: each label beside its value, not two bullets.
  -->
  <xsl:function name="te:is-labelled-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="exists($list/label) and empty($list/(* except (head, label, item)))
        and (every $i in $list/item satisfies $i/preceding-sibling::*[1][self::label])
        and (every $l in $list/label satisfies $l/following-sibling::*[1][self::item])"/>
  </xsl:function>

  <xsl:template match="list[te:is-labelled-list(.)]" mode="te:text" priority="1" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:apply-templates select="head" mode="te:text"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'dl'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('labelled', if ($te:phrasing) then 'block' else ())"/>
      </xsl:call-template>
      <xsl:for-each select="label">
        <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
          <xsl:attribute name="class" select="'labelled-item'"/>
          <xsl:for-each select=". , following-sibling::*[1]">
            <xsl:element name="{if ($te:phrasing) then 'span' else if (self::label) then 'dt' else 'dd'}">
              <xsl:call-template name="te:start"/>
              <xsl:apply-templates mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </xsl:element>
            <xsl:if test="$te:phrasing and self::label"><xsl:text> </xsl:text></xsl:if>
          </xsl:for-each>
        </xsl:element>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!--
    Do the list's items carry their own bullet or number ("- Idea of …", "• …", "1) …")?  The
    converter keeps the source's marker in the item (docs/encoding-decisions.md, bullet lists), so
    the list draws none of its own: a reader saw "• - Idea of …".  A capital and a full stop ("A. Gromyko")
    is an initial, not a marker.
  -->
  <xsl:function name="te:items-carry-markers" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="exists($list/item) and (every $i in $list/item satisfies
        matches(normalize-space(string-join($i/text()[1][empty(preceding-sibling::*)], '')),
            '^([•▪▫○◦‣∙·●■□►–—*\-]|\(?[0-9]{1,3}[.)]|[a-z][.)]|\([a-zA-Z]\)|\(?[IVXivx]{1,5}\))(\s|$)'))"/>
  </xsl:function>

  <xsl:template match="list[te:inline-list(.)]" mode="te:text" priority="1" as="element()">
    <span>
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="'inline-list'"/>
      </xsl:call-template>
      <xsl:for-each select="item">
        <span>
          <xsl:call-template name="te:start"/>
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </span>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- Lists: ordered when numbered, distribution lists keep their item numbers visible. -->
  <xsl:template match="list" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:apply-templates select="head" mode="te:text"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="(if ($te:phrasing) then 'block' else (), if (te:items-carry-markers(.)) then 'own-markers' else ())"/>
      </xsl:call-template>
      <xsl:apply-templates select="node() except head" mode="te:text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="list/item" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'li'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if ($te:phrasing) then 'block' else ()"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(@n) and not(starts-with(normalize-space(.), normalize-space(@n)))">
        <span class="item-number"><xsl:value-of select="@n"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not(te:holds-blocks(.))"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A label before an item (glossary-style lists) stays with the item that follows. -->
  <xsl:template match="list/label" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'li'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if ($te:phrasing) then 'block' else ()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A TEI table that HTML can hold as a table: rows of cells only (else it is shown as boxes). -->
  <xsl:function name="te:is-html-table" as="xs:boolean">
    <xsl:param name="table" as="element()"/>
    <xsl:sequence select="exists($table/row) and empty($table/(* except (head, row))) and empty($table/text()[normalize-space()])
        and empty($table/row/(* except cell)) and empty($table/row/text()[normalize-space()])"/>
  </xsl:function>

  <xsl:template match="table" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$te:phrasing or not(te:is-html-table(.))">
        <xsl:call-template name="te:box"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table>
            <xsl:call-template name="te:start"/>
            <xsl:if test="head">
              <caption><xsl:apply-templates select="head/node()" mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates></caption>
            </xsl:if>
            <tbody>
              <xsl:apply-templates select="row" mode="te:text">
                <xsl:with-param name="te:in-table" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="row" mode="te:text" as="node()*">
    <xsl:param name="te:in-table" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if ($te:in-table) then 'tr' else 'div'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="cell" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="te:in-table" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="td" select="$te:in-table and not($te:phrasing)"/>
    <xsl:element name="{if ($td) then (if (@role = 'label' or parent::row/@role = 'label') then 'th' else 'td') else if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if ($te:phrasing) then 'block' else ()"/>
      </xsl:call-template>
      <xsl:if test="$td and @cols castable as xs:integer">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="$td and @rows castable as xs:integer">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="$te:phrasing or not(te:holds-blocks(.))"/>
        <xsl:with-param name="te:in-table" tunnel="yes" select="false()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <!-- Text between table rows would be invalid HTML; tables hold rows only. -->
  <xsl:template match="table/text()[not(normalize-space())] | row/text()[not(normalize-space())]" mode="te:text" as="node()*"/>

  <!-- Figures: images only from the document's own folder (relative paths without ".."). -->
  <xsl:template match="figure" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="'figure'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="figDesc" mode="te:text" as="node()*">
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (parent::figure) then 'figcaption' else 'div'"/>
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    Cast lists are lists: castList a list of its items and groups, a castGroup an item holding
    its own heading and list, so a group's name stands over its roles, not after them.
  -->
  <xsl:template match="castList | castGroup" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="list" as="element()">
      <xsl:element name="{if ($te:phrasing) then 'span' else 'ul'}">
        <xsl:call-template name="te:start">
          <xsl:with-param name="class" select="('cast', if ($te:phrasing) then 'block' else ())"/>
        </xsl:call-template>
        <xsl:apply-templates select="node() except head" mode="te:text"/>
      </xsl:element>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="self::castGroup and parent::castList | parent::castGroup">
        <xsl:element name="{if ($te:phrasing) then 'span' else 'li'}">
          <xsl:attribute name="class" select="'cast-group'"/>
          <xsl:for-each select="head">
            <span class="tei-head cast-group-head"><xsl:apply-templates mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            </xsl:apply-templates></span>
          </xsl:for-each>
          <xsl:sequence select="$list"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="head" mode="te:text"/>
        <xsl:sequence select="$list"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Only items and groups may stand in a list: white space between them is dropped. -->
  <xsl:template match="castList/text() | castGroup/text()" mode="te:text" as="node()*">
    <xsl:if test="normalize-space()"><xsl:value-of select="."/></xsl:if>
  </xsl:template>
  <xsl:template match="castItem" mode="te:text" as="node()*">
    <xsl:call-template name="te:box">
      <xsl:with-param name="block" select="if (parent::castList or parent::castGroup) then 'li' else 'div'"/>
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="castList/head" mode="te:text" as="node()*">
    <xsl:call-template name="te:box">
      <xsl:with-param name="holds-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="role | roleDesc | actor" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>
  <xsl:template match="graphic" mode="te:text" as="node()*">
    <xsl:variable name="src" select="te:image-src(@url)"/>
    <xsl:choose>
      <xsl:when test="exists($src)">
        <img src="{$src}" alt="{(normalize-space(../figDesc), normalize-space(desc), 'Image')[.][1]}" loading="lazy">
          <xsl:call-template name="te:attributes"/>
          <xsl:variable name="width" select="te:pixels(@width)"/>
          <xsl:variable name="height" select="te:pixels(@height)"/>
          <xsl:if test="exists($width) and exists($height)">
            <xsl:attribute name="width" select="$width"/>
            <xsl:attribute name="height" select="$height"/>
          </xsl:if>
        </img>
      </xsl:when>
      <xsl:when test="matches(normalize-space(@url), '^https?://\S+$')">
        <a class="tei-graphic" href="{normalize-space(@url)}">[image: <xsl:value-of select="(normalize-space(../figDesc), normalize-space(@url))[.][1]"/>]</a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-graphic editorial">[image: <xsl:value-of select="@url"/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== page and line breaks, milestones ===== -->

  <!-- A page break: [page n], and the page's image beside the text when the facsimile has one (facsimile.xsl). -->
  <xsl:template match="pb" mode="te:text" as="node()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="label" select="'[' || (if (normalize-space(@n)) then 'page ' || normalize-space(@n) else 'page break') || ']'"/>
    <span class="tei-pb">
      <xsl:if test="@xml:id and not($te:copy)"><xsl:attribute name="id" select="te:id(.)"/></xsl:if>
      <xsl:value-of select="$label"/>
    </span>
    <xsl:if test="not($te:copy)">
      <xsl:variable name="pb" select="."/>
      <xsl:for-each select="te:facs-graphics(@facs)">
        <xsl:call-template name="te:page-image">
          <xsl:with-param name="graphic" select="."/>
          <xsl:with-param name="label" select="te:facs-label($pb, .)"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
  <xsl:template match="cb" mode="te:text" as="node()*">
    <span class="tei-cb editorial">[column<xsl:value-of select="if (normalize-space(@n)) then ' ' || @n else ''"/>]</span>
  </xsl:template>
  <!--
    Line breaks show in the diplomatic view.  A word broken across lines
    (break="no", or the TEI Stylesheets' type="hyphenInWord") stays whole in the
    reading view: the layout white space around that lb is dropped, so
    "Christ<lb break="no"/>\n   endom" reads "Christendom" (and is found by search).
  -->
  <xsl:function name="te:joins-word" as="xs:boolean">
    <xsl:param name="lb" as="node()?"/>
    <xsl:sequence select="exists($lb/self::lb[@break = 'no' or @type = ('hyphenInWord', 'hyphenated')])"/>
  </xsl:function>
  <xsl:template match="lb" mode="te:text" as="node()*">
    <br class="tei-lb"/>
    <xsl:if test="not(te:joins-word(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()[te:joins-word(following-sibling::node()[1]) or te:joins-word(preceding-sibling::node()[1])]"
      mode="te:text" priority="-0.25" as="text()?">
    <xsl:variable name="t" select="if (te:joins-word(following-sibling::node()[1])) then replace(., '\s+$', '') else string(.)"/>
    <xsl:variable name="t" select="if (te:joins-word(preceding-sibling::node()[1])) then replace($t, '^\s+', '') else $t"/>
    <xsl:if test="$t"><xsl:value-of select="$t"/></xsl:if>
  </xsl:template>
  <xsl:template match="milestone" mode="te:text" as="node()*">
    <span class="tei-milestone" role="separator">
      <xsl:call-template name="te:attributes"/>
      <xsl:value-of select="te:milestone-text(.)"/>
    </span>
  </xsl:template>

  <!-- ===== phrases ===== -->

  <xsl:template match="hi" mode="te:text" as="node()*">
    <xsl:variable name="r" select="lower-case(normalize-space(@rend) || ' ' || normalize-space(@rendition) || ' ' || normalize-space(@style))"/>
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="element" select="
          if (matches($r, 'sup')) then 'sup' else if (matches($r, 'sub')) then 'sub'
          else if (matches($r, 'bold|strong')) then 'b' else if (matches($r, 'italic|ital')) then 'i'
          else if (matches($r, 'under')) then 'u' else 'span'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="emph" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"><xsl:with-param name="element" select="'em'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="foreign | term | gloss | mentioned | soCalled | distinct | orig | reg" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="element" select="if (self::foreign or self::term or self::mentioned) then 'i' else 'span'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="title" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"><xsl:with-param name="element" select="'cite'"/></xsl:call-template>
  </xsl:template>

  <!-- Quotations: inline quotes as <q>-free spans (the translation keeps its own quotation marks). -->
  <xsl:template match="quote | q | said" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($te:phrasing) and (te:holds-blocks(.) or parent::div or parent::body or parent::cit[not(parent::p)])">
        <xsl:call-template name="te:box"><xsl:with-param name="block" select="'blockquote'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:phrase"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="cit" mode="te:text" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($te:phrasing) and not(parent::p or parent::l or parent::seg)">
        <xsl:call-template name="te:box"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:phrase"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="bibl | biblStruct | listBibl/bibl" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"><xsl:with-param name="element" select="'span'"/></xsl:call-template>
  </xsl:template>

  <!-- Dates and times: <time datetime> when @when is a valid HTML date or time. -->
  <xsl:template match="date | time" mode="te:text" as="node()*">
    <xsl:variable name="when" select="normalize-space((@when, @when-iso)[1])"/>
    <xsl:variable name="valid" select="matches($when, '^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$|^\d{2}:\d{2}(:\d{2})?$')"/>
    <xsl:element name="{if ($valid) then 'time' else 'span'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="if (@cert) then 'cert-' || te:token(@cert) else ()"/>
      </xsl:call-template>
      <xsl:if test="$valid">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="num | measure | idno | email | unit | roleName | addName | forename | surname | genName | nameLink | affiliation" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

  <xsl:template match="seg" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

  <!-- Links: only local (#id), http(s) and mailto targets become links; others are shown as text. -->
  <xsl:template match="ref | ptr" mode="te:text" as="node()*">
    <xsl:variable name="href" select="te:link-href(tokenize(normalize-space(@target), ' ')[1], .)"/>
    <!-- Links never nest: no link inside a name link or another ref, none around a note button or a mark. -->
    <xsl:variable name="link" select="exists($href) and not(ancestor::ref or ancestor::persName or ancestor::orgName
        or ancestor::placeName or ancestor::name or ancestor::rs)
        and not(.//note[te:is-numbered-note(.)] or .//ref or te:is-marked(.))"/>
    <xsl:element name="{if ($link) then 'a' else 'span'}">
      <xsl:call-template name="te:start"/>
      <xsl:if test="$link">
        <xsl:attribute name="href" select="$href"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="self::ptr or (not(normalize-space()) and empty(*))">
          <xsl:value-of select="normalize-space(@target)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            <xsl:with-param name="te:in-link" tunnel="yes" select="$link"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <!-- A pointer shown as its target runs into what follows it in the markup ("<ptr target="jmr1976"/>
         <biblScope>3</biblScope>" read "jmr19763" on paper): a space keeps the two words apart. -->
    <xsl:if test="self::ptr and following-sibling::node()[1][self::* or matches(., '^\w')]">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== editorial interventions ===== -->

  <!-- Words the translator or editor added: in square brackets, as in the source. -->
  <xsl:template match="supplied" mode="te:text" as="node()*">
    <span>
      <xsl:call-template name="te:start"/>
      <xsl:attribute name="title" select="'Supplied' || (if (@reason) then ' (' || replace(@reason, '-', ' ') || ')' else '')"/>
      <span class="bracket">[</span>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <!-- Letters someone expanded (ex[@resp]: the translator's "F[oreign] M[inistry]"): in square brackets as
       in the source, like supplied words; a reader saw "ourPolitical Bureau" with nothing to say whose
       letters they were.  An expansion nobody is named for (a manuscript edition's) stays unbracketed. -->
  <xsl:template match="ex[normalize-space(@resp)]" mode="te:text" priority="1" as="node()*">
    <span>
      <xsl:call-template name="te:start"/>
      <xsl:attribute name="title" select="'Expanded' || (if (@resp = '#translator') then ' by the translator' else '')"/>
      <span class="bracket">[</span>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <!-- Omissions, illegible and withheld passages: [the translator's words] or a plain label. -->
  <!-- An e-mail address the archive's site hid ("[email protected]"): said as what it is. -->
  <xsl:template match="gap[@reason = 'obfuscated']" mode="te:text" priority="1" as="node()*">
    <span>
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('editorial', 'reason-obfuscated')"/>
      </xsl:call-template>
      <xsl:text>[e-mail address hidden by the archive’s site]</xsl:text>
      <xsl:if test="normalize-space(desc)">
        <span class="visually-hidden"> (the site shows “<xsl:value-of select="normalize-space(desc)"/>”)</span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="gap" mode="te:text" as="node()*">
    <xsl:variable name="label" select="
        if (normalize-space(desc)) then ''
        else if (@reason = 'omitted') then '…'
        else if (@reason = 'signature') then 'signature'
        else if (@reason) then replace(@reason, '-', ' ')
        else 'gap'"/>
    <span>
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('editorial', if (@reason) then 'reason-' || te:token(@reason) else ())"/>
      </xsl:call-template>
      <xsl:if test="@quantity or @extent">
        <xsl:attribute name="title" select="string-join((@quantity, @unit, @extent), ' ')"/>
      </xsl:if>
      <xsl:text>[</xsl:text>
      <xsl:value-of select="$label"/>
      <xsl:apply-templates select="desc[normalize-space()][1]/node()" mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- Doubtful readings: bracketed as the translator wrote them, styled as uncertain. -->
  <xsl:template match="unclear" mode="te:text" as="node()*">
    <span title="Doubtful reading{if (@reason and not(@reason = 'doubtful')) then ' (' || @reason || ')' else ''}">
      <xsl:call-template name="te:start"/>
      <span class="bracket">[</span>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <!-- sic alone: the word as written, then [sic]. -->
  <xsl:template match="sic[not(parent::choice)]" mode="te:text" as="node()*">
    <span>
      <xsl:call-template name="te:start"/>
      <xsl:apply-templates mode="te:text">
        <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
      <xsl:text> </xsl:text>
      <xsl:call-template name="te:editorial"><xsl:with-param name="text"
        select="if (@rend = 'upper') then '[SIC]' else if (@rend = 'capitalised') then '[Sic]' else '[sic]'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!--
    choice: the reading view shows the corrected / regularised / expanded form and
    keeps the original in a title; the diplomatic view (class "diplomatic" on the
    page) shows the original instead.  Both stay in the page.
  -->
  <xsl:template match="choice" mode="te:text" as="node()*">
    <xsl:variable name="original" select="(sic, orig, abbr)[1]"/>
    <xsl:variable name="reading" select="(corr, reg, expan)[1]"/>
    <span>
      <xsl:call-template name="te:start"/>
      <xsl:choose>
        <xsl:when test="$original and $reading">
          <xsl:if test="$original/self::abbr">
            <abbr class="reading-original-abbr" title="{te:plain($reading)}">
              <xsl:apply-templates select="$original/node()" mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </abbr>
            <xsl:text> </xsl:text>
          </xsl:if>
          <span class="reading" title="{if ($original/self::sic) then 'Corrected; the original reads: ' else 'Original: '}{te:plain($original)}">
            <xsl:if test="$original/self::abbr"><span class="bracket">[</span></xsl:if>
            <xsl:apply-templates select="$reading/node()" mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            </xsl:apply-templates>
            <xsl:if test="$original/self::abbr"><span class="bracket">]</span></xsl:if>
          </span>
          <xsl:if test="not($original/self::abbr)">
            <span class="original" title="Original reading">
              <xsl:apply-templates select="$original/node()" mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </span>
            <!-- In the diplomatic view the correction is said in the text, not only in a tooltip. -->
            <span class="original-gloss editorial">
              <xsl:value-of select="' [' || (if ($original/self::sic) then 'corrected to: ' else 'regularised: ') || te:plain($reading) || ']'"/>
            </span>
          </xsl:if>
          <!-- A choice of three or more (orig, abbr and expan, as manuscript editions write them):
               each further form apart, so that no two forms run into one word. -->
          <xsl:for-each select="* except ($original, $reading)">
            <span class="choice-other">
              <xsl:text> </xsl:text>
              <xsl:apply-templates select="." mode="te:text">
                <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
              </xsl:apply-templates>
            </span>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="*" mode="te:text">
            <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:template match="choice/text()[not(normalize-space())]" mode="te:text" as="node()*"/>

  <xsl:template match="abbr | expan | corr | sic | am | ex" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

  <xsl:template match="del" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"><xsl:with-param name="element" select="'del'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="add" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"><xsl:with-param name="element" select="'ins'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="subst | damage | restore | space | handShift" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

</xsl:stylesheet>
