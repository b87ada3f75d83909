<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stamps and marks: stamp notes, stamps, handwriting, copy and classification
  marks, marked spans and the marginal marks (metamark) that point at them.
  Why: these are things seen on the original page.  Stamps and handwriting are
  drawn as labelled boxes where they stand; a later reader's marks in the
  margin are drawn in the left margin beside the span they mark, one glyph
  per physical mark (single line, double line, ?, !), linked to the
  translator's note that reports them, and visibly tentative when the
  placement is uncertain (@cert low or medium).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ===== stamps and handwriting: labelled boxes ===== -->

  <!--
    The label of a box, in words a reader uses: "Registration stamp" when the
    stamp carries a registration number, else "Stamp"; "Handwritten" with where
    it stands.  Never built from codes (@type="cpsu-cc"): the stamp's own words
    say whose it is.
  -->
  <xsl:function name="te:box-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="
        if ($note/@type = 'stamp') then
          (if ($note//stamp//idno[@type = 'registration'] or $note//stamp/@type = 'registration') then 'Registration stamp' else 'Stamp')
        else 'Handwritten' || (if (normalize-space($note/@place)) then ' (' || replace($note/@place, '[-_]', ' ') || ')' else '')"/>
  </xsl:function>

  <!--
    The translator's own label at the start of a box ("[handwritten number: 113]", "[stamp: ...]"):
    the words up to the first colon when they begin with the box's kind, or the whole note when it is
    only words beginning so ("[Handwritten in pencil]").  Shown as the label so the kind is said once.
  -->
  <xsl:variable name="te:box-kind" as="xs:string" select="'^\s*(handwritten|(registration\s+)?stamp)'"/>
  <xsl:function name="te:box-own-label" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <!-- Where the handwriting stands (@place) is said by the house label only: then it is kept. -->
    <xsl:variable name="first" select="$note[not(normalize-space(@place))]/node()[1][self::text()]"/>
    <xsl:variable name="labelled" select="$te:box-kind || '([^\w:\[\]][^:\[\]]{0,40})?:'"/>
    <xsl:sequence select="
        if (matches($first, $labelled, 'i')) then replace($first, '(' || $labelled || ').*$', '$1', 'is')
        else if (empty($note/*) and matches($first, $te:box-kind || '(\W.*)?$', 'is')) then string($first)
        else ()"/>
  </xsl:function>

  <!-- Punctuation that follows a box and ends its paragraph: drawn inside the box, not alone on a line. -->
  <xsl:function name="te:box-tail" as="text()?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/following-sibling::node()[1][self::text()][matches(., '^\s*[.,;:]\s*$')]
        [empty(following-sibling::node()[not(self::metamark)])]"/>
  </xsl:function>

  <xsl:template match="note[@type = ('stamp', 'handwritten')]" mode="te:text" priority="2" as="node()*">
    <xsl:param name="te:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($te:phrasing) then 'span' else 'div'}">
      <xsl:call-template name="te:start">
        <xsl:with-param name="class" select="('box', if (@type = 'stamp') then 'stamp-box' else 'handwritten-box')"/>
      </xsl:call-template>
      <!-- HTML forbids role=note inside a heading: there the label alone says what it is. -->
      <xsl:if test="empty(ancestor::head)">
        <xsl:attribute name="role" select="'note'"/>
      </xsl:if>
      <xsl:choose>
        <!-- "[handwritten] Bilateral relations": the note's words are its label; said once, not "HANDWRITTEN handwritten". -->
        <xsl:when test="empty(*) and (lower-case(normalize-space(.)) = lower-case(te:box-label(.))
            or normalize-space(.) = normalize-space(te:box-own-label(.)))">
          <span class="box-label own-words"><xsl:value-of select="normalize-space(.)"/></span>
          <xsl:value-of select="normalize-space(te:box-tail(.))"/>
        </xsl:when>
        <!-- "[handwritten number: 113]": the translator's label starts the content, styled as the label. -->
        <xsl:when test="exists(te:box-own-label(.))">
          <xsl:variable name="own" select="te:box-own-label(.)"/>
          <span class="box-content">
            <span class="box-label own-label"><xsl:value-of select="normalize-space($own)"/></span>
            <xsl:value-of select="substring(node()[1], string-length($own) + 1)"/>
            <xsl:apply-templates select="node()[position() gt 1]" mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            </xsl:apply-templates>
            <xsl:value-of select="normalize-space(te:box-tail(.))"/>
          </span>
        </xsl:when>
        <xsl:otherwise>
          <span class="box-label"><xsl:value-of select="te:box-label(.)"/></span>
          <xsl:text> </xsl:text>
          <span class="box-content">
            <xsl:apply-templates mode="te:text">
              <xsl:with-param name="te:phrasing" tunnel="yes" select="true()"/>
            </xsl:apply-templates>
            <xsl:value-of select="normalize-space(te:box-tail(.))"/>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1][self::note[@type = ('stamp', 'handwritten')]]]
      [. is te:box-tail(preceding-sibling::node()[1])]" mode="te:text" priority="3" as="node()*"/>

  <xsl:template match="stamp" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase"/>
  </xsl:template>

  <!-- Copy numbers and classification marks: a line of their own at the head of the document. -->
  <xsl:template match="seg[@type = ('copy', 'classification')]" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="class" select="'document-mark'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== marked spans and marginal marks ===== -->

  <xsl:template match="seg[@type = 'marked']" mode="te:text" as="node()*">
    <xsl:call-template name="te:phrase">
      <xsl:with-param name="class" select="'marked'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A metamark with a resolvable target is drawn at the target; one without is drawn where it stands. -->
  <xsl:template match="metamark" mode="te:text" as="node()*">
    <xsl:if test="empty(te:targets(@target))">
      <xsl:call-template name="te:margin-mark">
        <xsl:with-param name="inline" select="true()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="te:text"/>
    </xsl:if>
    <xsl:if test="exists(te:targets(@target)) and normalize-space()">
      <span class="tei-metamark metamark-text"><xsl:apply-templates mode="te:text"/></span>
    </xsl:if>
  </xsl:template>

  <!-- Called at the start of every rendered element: the marks that point at it. -->
  <xsl:template name="te:margin-marks" as="element()*">
    <xsl:param name="te:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="@xml:id and not($te:copy)">
      <xsl:variable name="marks" select="key('te:by-target', string(@xml:id))[self::metamark]"/>
      <xsl:variable name="target" select="te:id(.)"/>
      <xsl:for-each select="$marks">
        <xsl:call-template name="te:margin-mark">
          <xsl:with-param name="slot" select="position()"/>
          <xsl:with-param name="target" select="$target"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The CSS anchor name of a marked span (a dashed ident made from its id). -->
  <xsl:function name="te:anchor-name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'--te-' || replace($id, '[^A-Za-z0-9_-]', '_')"/>
  </xsl:function>

  <!-- What a reader sees for each kind of mark. -->
  <xsl:function name="te:mark-kind" as="xs:string">
    <xsl:param name="mark" as="element()"/>
    <xsl:variable name="r" select="lower-case(normalize-space($mark/@rend))"/>
    <xsl:sequence select="
        if (matches($r, 'double')) then 'double-line'
        else if (matches($r, 'question|\?')) then 'question-mark'
        else if (matches($r, 'exclam|!')) then 'exclamation-mark'
        else if (matches($r, 'single|line|bar')) then 'single-line'
        else if ($mark/@function = 'query') then 'question-mark'
        else if ($mark/@function = 'emphasis') then 'exclamation-mark'
        else 'single-line'"/>
  </xsl:function>
  <xsl:function name="te:mark-description" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map {
        'single-line': 'a vertical line', 'double-line': 'two vertical lines',
        'question-mark': 'a question mark', 'exclamation-mark': 'an exclamation mark' }($kind)"/>
  </xsl:function>
  <xsl:function name="te:mark-glyph" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map {
        'single-line': '', 'double-line': '', 'question-mark': '?', 'exclamation-mark': '!' }($kind)"/>
  </xsl:function>

  <!-- The translator's note that reports a mark: same target, else the nearest translator's note after it. -->
  <xsl:function name="te:mark-note" as="element()?" cache="yes">
    <xsl:param name="mark" as="element()"/>
    <xsl:variable name="ids" select="for $t in tokenize(normalize-space($mark/@target), ' ') return substring-after($t, '#')"/>
    <xsl:sequence select="(
        te:targets($mark/@corresp)[self::note],
        for $id in $ids return key('te:by-target', $id, root($mark))[self::note][te:is-numbered-note(.)],
        $mark/following::note[@type = 'translator'][1],
        $mark/preceding::note[@type = 'translator'][1])[1]"/>
  </xsl:function>

  <xsl:template name="te:margin-mark" as="element()">
    <xsl:param name="slot" as="xs:integer" select="1"/>
    <xsl:param name="inline" as="xs:boolean" select="false()"/>
    <xsl:param name="target" as="xs:string" select="''"/>
    <!-- Inside a link (a ref or a name) the mark cannot be a link itself. -->
    <xsl:param name="te:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="kind" select="te:mark-kind(.)"/>
    <xsl:variable name="note" select="te:mark-note(.)[not($te:in-link)]"/>
    <xsl:variable name="cert" select="normalize-space(@cert)"/>
    <xsl:variable name="what" select="'Marginal mark: ' || te:mark-description($kind)
        || (if ($cert = ('low', 'medium')) then ' (placement uncertain: ' || $cert || ' certainty)' else '')
        || (if ($note) then '; see note ' || te:note-number($note) else '')"/>
    <xsl:element name="{if ($note) then 'a' else 'span'}">
      <xsl:if test="$note">
        <xsl:attribute name="href" select="'#' || te:note-id($note)"/>
      </xsl:if>
      <xsl:attribute name="class" select="string-join(('margin-mark', 'mark-' || $kind,
          if ($cert) then 'cert-' || te:token($cert) else (), if ($inline) then 'mark-inline' else ()), ' ')"/>
      <xsl:attribute name="style" select="'--slot: ' || $slot || (if ($inline) then '' else '; position-anchor: ' || te:anchor-name($target))"/>
      <xsl:attribute name="title" select="$what"/>
      <!-- A mark that is not a link is a picture of the mark: role img carries its name (aria-label is not allowed on a bare span). -->
      <xsl:if test="not($note)"><xsl:attribute name="role" select="'img'"/></xsl:if>
      <xsl:attribute name="aria-label" select="$what"/>
      <xsl:if test="not($inline)">
        <xsl:attribute name="data-target" select="$target"/>
      </xsl:if>
      <xsl:value-of select="te:mark-glyph($kind)"/>
      <xsl:if test="$cert = ('low', 'medium')">
        <!-- "≈", not "?": beside a reader's own "?" mark a second question mark read as two queries. -->
        <span class="cert-flag" aria-hidden="true">≈</span>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- A key to the marks, shown when the document has any. -->
  <xsl:template name="te:mark-legend" as="element()?">
    <xsl:variable name="kinds" select="distinct-values(//text//metamark ! te:mark-kind(.))"/>
    <xsl:if test="exists($kinds)">
      <aside class="mark-legend" aria-label="Marginal marks">
        <p><strong>Marks in the left margin</strong> were made on the original by a later reader, as the translator reports them:</p>
        <ul>
          <xsl:for-each select="('single-line', 'double-line', 'question-mark', 'exclamation-mark')[. = $kinds]">
            <li><span class="margin-mark mark-{.}" aria-hidden="true"><xsl:value-of select="te:mark-glyph(.)"/></span>
              <xsl:value-of select="te:mark-description(.)"/></li>
          </xsl:for-each>
          <xsl:if test="//text//metamark[@cert = ('low', 'medium')]">
            <li><span class="margin-mark mark-single-line cert-low" aria-hidden="true"><span class="cert-flag">≈</span></span>
              dotted or dashed, with a small ≈: the span it marks is uncertain</li>
          </xsl:if>
        </ul>
      </aside>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
