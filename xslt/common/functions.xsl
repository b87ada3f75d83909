<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared functions, keys and accumulators for every edition (HTML and print).
  Why here: one place for identifiers, note numbering, pointer resolution and
  the labels the reader sees, so the HTML and the print edition agree.
  All functions carry the te: prefix; none of them reads any URI.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Elements by xml:id, and things pointing at them. -->
  <xsl:key name="te:by-id" match="*[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="te:by-target" match="note[@target] | metamark[@target]"
      use="for $t in tokenize(normalize-space(@target), ' ') return substring-after($t, '#')"/>

  <!-- Document order of every element in the source, for stable generated ids. -->
  <xsl:accumulator name="te:element-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*" phase="start" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Numbered notes without their own @n, in document order. -->
  <xsl:accumulator name="te:note-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//note" phase="start"
        select="if (te:is-numbered-note(.) and not(normalize-space(@n))) then $value + 1 else $value"/>
  </xsl:accumulator>

  <!--
    When the document numbers some notes itself (@n, e.g. the author's footnotes),
    the other notes (the translator's) are lettered a, b, c... so no two notes
    show the same number.
  -->
  <xsl:variable name="te:lettered-notes" as="xs:boolean"
      select="exists(//text//note[normalize-space(@n)][te:is-numbered-note(.)])"/>


  <!-- A stable HTML id for any source element: its xml:id, else its position.  An xml:id that is
       one of the page's own ids (notes, index, main...) or looks like a generated one gets a
       prefix, so no two elements of the page share an id. -->
  <xsl:variable name="te:page-ids" as="xs:string*" select="('about', 'about-title', 'apparatus', 'apparatus-title', 'citation-text',
      'cite', 'cite-title', 'diplomatic-view', 'document', 'edition', 'edition-title', 'index',
      'index-title', 'main', 'toc-title', 'facsimile', 'facsimile-title', 'notes', 'notes-title', 'title')"/>
  <xsl:function name="te:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="id" select="string($node/@xml:id)"/>
    <xsl:sequence select="if ($id = $te:page-ids or starts-with($id, 'te-') or starts-with($id, 'note-')
            or starts-with($id, 'noteref-') or starts-with($id, 'index-') or starts-with($id, 'app-')
            or starts-with($id, 'appref-') or starts-with($id, 'pop-')) then 'te-id-' || $id
        else if ($id) then $id
        else 'te-' || local-name($node) || '-' || $node/accumulator-before('te:element-count')"/>
  </xsl:function>

  <!-- Is this note shown as a numbered note reference (not a stamp or handwriting box, nor a note standing alone)? -->
  <xsl:function name="te:is-numbered-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <!-- a note of an entry of a listApp is words of that entry (common/apparatus.xsl), not a note -->
    <xsl:sequence select="not($note/@type = ('stamp', 'handwritten')) and not($note/parent::app/parent::listApp)
        and not(te:note-stands-alone($note))"/>
  </xsl:function>

  <!--
    A note that is all its line holds (a paragraph, a line, an opener or a heading with nothing else:
    "[Translated from the Russian]", "[Page 2]", a footnote's text at the foot of the page): there is
    no word to call it from, so it is shown where it stands (common/notes.xsl), not as a lone "1".
  -->
  <xsl:function name="te:note-stands-alone" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/parent::*[self::p or self::ab or self::opener or self::closer or self::head])
        and empty($note/ancestor::note) and normalize-space(string($note)) != ''
        and empty($note/../node()[not(. is $note)][self::* or normalize-space()])"/>
  </xsl:function>

  <!-- The number a reader sees for a numbered note: @n when given, else its position. -->
  <xsl:function name="te:note-number" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="count" select="$note/accumulator-before('te:note-count')"/>
    <xsl:sequence select="if (normalize-space($note/@n)) then normalize-space($note/@n)
        else if ($te:lettered-notes) then te:letters($count)
        else string($count)"/>
  </xsl:function>

  <!-- 1 -> a, 26 -> z, 27 -> aa ... -->
  <xsl:function name="te:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 0) then '0' else format-integer($n, 'a')"/>
  </xsl:function>

  <!-- The id of a note's entry in the list of notes, and of its reference in the text. -->
  <xsl:function name="te:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'note-' || te:id($note)"/>
  </xsl:function>
  <xsl:function name="te:noteref-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'noteref-' || te:id($note)"/>
  </xsl:function>

  <!-- The local elements a pointer attribute (#id #id ...) refers to; other URIs are ignored. -->
  <xsl:function name="te:targets" as="element()*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($pointers), ' ')[starts-with(., '#')]
        return te:pointer-ids($t) ! key('te:by-id', ., root($pointers))"/>
  </xsl:function>

  <!--
    The ids one local pointer names: "#a" -> a; the TEI pointer schemes name ids too:
    "#range(a,b)" (also with #a, #b) -> a b, "#string-range(a,0,5)", "#left(a)", "#right(a)",
    "#xpath(id('a'))" -> a.  A range stands for its two ends (a link goes to the first).
  -->
  <xsl:function name="te:pointer-ids" as="xs:string*">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="p" select="normalize-space($pointer)"/>
    <xsl:sequence select="
        if (matches($p, '^#range\(\s*#?[^,\s()]+\s*,\s*#?[^,\s()]+\s*\)$'))
          then tokenize(replace($p, '^#range\(\s*#?([^,\s()]+)\s*,\s*#?([^,\s()]+)\s*\)$', '$1 $2'), ' ')
        else if (matches($p, '^#(string-range|left|right)\(\s*#?[^,\s()]+'))
          then replace($p, '^#(string-range|left|right)\(\s*#?([^,\s()]+).*$', '$2')
        else if (matches($p, '^#xpath\(\s*id\(\s*[&quot;'']([^&quot;'']+)[&quot;'']\s*\)\s*\)$'))
          then replace($p, '^#xpath\(\s*id\(\s*[&quot;'']([^&quot;'']+)[&quot;'']\s*\)\s*\)$', '$1')
        else if (starts-with($p, '#')) then substring($p, 2)
        else ()"/>
  </xsl:function>

  <!-- Is this element the target of a marginal mark (drawn as a link inside it)? -->
  <xsl:function name="te:is-marked" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/@xml:id) and exists(key('te:by-target', string($el/@xml:id), root($el))[self::metamark])"/>
  </xsl:function>

  <!-- A link target for the page: an http(s)/mailto URL, or #id of an element rendered from <text>; else (). -->
  <xsl:function name="te:link-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="local" select="if (starts-with(normalize-space($uri), '#'))
        then (te:pointer-ids($uri) ! key('te:by-id', ., root($context)))[ancestor::text][1] else ()"/>
    <xsl:sequence select="if (starts-with(normalize-space($uri), '#')) then ($local ! te:href-to(., te:id(.)))
        else te:safe-href($uri)"/>
  </xsl:function>

  <!-- A safe link target: a local #id, or an http(s)/mailto URL; anything else gives (). -->
  <xsl:function name="te:safe-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:sequence select="if (matches($u, '^(https?://|mailto:)[^\s&quot;&lt;&gt;]+$', 'i')) then $u
        else if (matches($u, '^#[\w.\-:]+$')) then $u
        else ()"/>
  </xsl:function>

  <!-- An image source the page may load: a relative path inside the document's folder, else (). -->
  <xsl:function name="te:local-src" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:sequence select="if (matches($u, '^[A-Za-z0-9_][A-Za-z0-9_./\-]*$') and not(contains($u, '..'))
        and not(matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:'))) then $u else ()"/>
  </xsl:function>

  <!-- Space-normalised text content of nodes, for labels, titles and meta tags. -->
  <xsl:function name="te:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <!-- The nodes' content: a note asked for directly is shown, notes inside it are not. -->
      <xsl:apply-templates select="$nodes ! (if (. instance of element()) then node() else .)" mode="te:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts, ''))"/>
  </xsl:function>

  <!-- A readable form of an ISO date (1969-06-09 -> 9 June 1969); other strings unchanged. -->
  <xsl:function name="te:human-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="d" select="normalize-space($iso)"/>
    <xsl:sequence select="
        if ($d castable as xs:date) then format-date(xs:date($d), '[D] [MNn] [Y]', 'en', (), ())
        else if (matches($d, '^\d{4}-\d{2}$') and ($d || '-01') castable as xs:date)
          then format-date(xs:date($d || '-01'), '[MNn] [Y]', 'en', (), ())
        else $d"/>
  </xsl:function>

  <!-- A class token from any string (TEI attribute values may hold anything). -->
  <xsl:function name="te:token" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="replace(lower-case(normalize-space($value)), '[^a-z0-9\-]+', '-')"/>
  </xsl:function>

  <!-- Plain text of a node: text only, notes excluded unless asked for. -->
  <xsl:mode name="te:plain" on-no-match="text-only-copy"/>
  <xsl:template match="note | metamark | figDesc" mode="te:plain" as="node()*"/>
  <!-- A name or a publisher line is the name only: its ids (a Wikidata Q number), links,
       e-mail and postal addresses are facts of their own, never part of it. -->
  <xsl:template match="(idno | ptr | email | address)[ancestor::author or ancestor::editor or ancestor::respStmt
      or ancestor::publisher or ancestor::distributor or ancestor::authority or ancestor::persName or ancestor::orgName]"
      mode="te:plain" as="node()*"/>
  <xsl:template match="choice" mode="te:plain" as="node()*">
    <xsl:apply-templates select="(corr, reg, expan, *)[1]" mode="te:plain"/>
  </xsl:template>
  <xsl:template match="lb" mode="te:plain" as="node()*"><xsl:text> </xsl:text></xsl:template>
  <!--
    What a milestone shows: the break as the source printed it when @rend holds a repeated
    mark (the converter's "* * *", "x x x", a row of dashes), else its number, else a neutral "* * *".
  -->
  <xsl:function name="te:milestone-text" as="xs:string">
    <xsl:param name="milestone" as="element()"/>
    <xsl:variable name="rend" select="normalize-space($milestone/@rend)"/>
    <xsl:sequence select="
        if (matches($rend, '^(\S)( ?\1)+$')) then $rend
        else if (normalize-space($milestone/@n)) then '[' || normalize-space($milestone/@n) || ']'
        else '* * *'"/>
  </xsl:function>


  <!-- A link made absolute against the base URL the edition is published under (unchanged without one). -->
  <xsl:function name="te:absolute" as="xs:string">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="base" as="xs:string?"/>
    <xsl:sequence select="if (not(normalize-space($href))) then ''
        else if (matches($base, '^https?://') and not(matches($href, '^[a-z][a-z0-9+.-]*:', 'i')))
        then string(resolve-uri($href, if (ends-with($base, '/')) then $base else $base || '/'))
        else string($href)"/>
  </xsl:function>

  <!--
    C1 control characters (U+0080-U+009F) have no business in HTML: written as
    &#x86; they are read by every HTML parser as Windows-1252 characters (†),
    and raw they are parse errors.  They are written as a visible, searchable
    "⟨U+0086⟩" instead (in text and attributes alike), so nothing is lost and
    nothing is misread.
  -->
  <xsl:character-map name="te:c1-controls">
    <xsl:output-character character="&#x80;" string="⟨U+0080⟩"/>
    <xsl:output-character character="&#x81;" string="⟨U+0081⟩"/>
    <xsl:output-character character="&#x82;" string="⟨U+0082⟩"/>
    <xsl:output-character character="&#x83;" string="⟨U+0083⟩"/>
    <xsl:output-character character="&#x84;" string="⟨U+0084⟩"/>
    <xsl:output-character character="&#x85;" string="⟨U+0085⟩"/>
    <xsl:output-character character="&#x86;" string="⟨U+0086⟩"/>
    <xsl:output-character character="&#x87;" string="⟨U+0087⟩"/>
    <xsl:output-character character="&#x88;" string="⟨U+0088⟩"/>
    <xsl:output-character character="&#x89;" string="⟨U+0089⟩"/>
    <xsl:output-character character="&#x8A;" string="⟨U+008A⟩"/>
    <xsl:output-character character="&#x8B;" string="⟨U+008B⟩"/>
    <xsl:output-character character="&#x8C;" string="⟨U+008C⟩"/>
    <xsl:output-character character="&#x8D;" string="⟨U+008D⟩"/>
    <xsl:output-character character="&#x8E;" string="⟨U+008E⟩"/>
    <xsl:output-character character="&#x8F;" string="⟨U+008F⟩"/>
    <xsl:output-character character="&#x90;" string="⟨U+0090⟩"/>
    <xsl:output-character character="&#x91;" string="⟨U+0091⟩"/>
    <xsl:output-character character="&#x92;" string="⟨U+0092⟩"/>
    <xsl:output-character character="&#x93;" string="⟨U+0093⟩"/>
    <xsl:output-character character="&#x94;" string="⟨U+0094⟩"/>
    <xsl:output-character character="&#x95;" string="⟨U+0095⟩"/>
    <xsl:output-character character="&#x96;" string="⟨U+0096⟩"/>
    <xsl:output-character character="&#x97;" string="⟨U+0097⟩"/>
    <xsl:output-character character="&#x98;" string="⟨U+0098⟩"/>
    <xsl:output-character character="&#x99;" string="⟨U+0099⟩"/>
    <xsl:output-character character="&#x9A;" string="⟨U+009A⟩"/>
    <xsl:output-character character="&#x9B;" string="⟨U+009B⟩"/>
    <xsl:output-character character="&#x9C;" string="⟨U+009C⟩"/>
    <xsl:output-character character="&#x9D;" string="⟨U+009D⟩"/>
    <xsl:output-character character="&#x9E;" string="⟨U+009E⟩"/>
    <xsl:output-character character="&#x9F;" string="⟨U+009F⟩"/>
  </xsl:character-map>
  <!-- ===== a long text in several pages (html/chunks.xsl, rendering/chunks.py) ===== -->

  <!-- The first part this page shows (0: the whole text on one page). -->
  <xsl:param name="chunk" as="xs:integer" select="0"/>
  <!-- Space-separated, URL-quoted page names, one per part (parts that share a page share its name). -->
  <xsl:param name="chunk-pages" as="xs:string" select="''"/>

  <xsl:variable name="te:chunk-pages" as="xs:string*" select="tokenize(normalize-space($chunk-pages), ' ')"/>
  <xsl:variable name="te:this-page" as="xs:string?" select="$te:chunk-pages[$chunk]"/>
  <!-- The parts, in order: front, each division of the body, back (what chunks.py counts). -->
  <xsl:variable name="te:chunk-units" as="element()*" select="if ($chunk gt 0)
      then (/TEI/text/front, /TEI/text/body/(div | div1), /TEI/text/back) else ()"/>

  <!-- The part a node stands in (1-based), or 0 when the text is on one page. -->
  <xsl:function name="te:chunk-of" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="unit" select="$node/ancestor-or-self::*[. intersect $te:chunk-units][1]"/>
    <xsl:sequence select="if ($chunk eq 0 or empty($unit)) then 0
        else index-of($te:chunk-units ! generate-id(.), generate-id($unit))[1]"/>
  </xsl:function>

  <!-- Is this node shown on this page? -->
  <xsl:function name="te:on-this-page" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="part" select="te:chunk-of($node)"/>
    <xsl:sequence select="$chunk eq 0 or $part eq 0 or $te:chunk-pages[$part] eq $te:this-page"/>
  </xsl:function>

  <!-- "#id" for something on this page, "PAGE#id" for something on another. -->
  <xsl:function name="te:href-to" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="(if (te:on-this-page($node)) then '' else $te:chunk-pages[te:chunk-of($node)]) || '#' || $id"/>
  </xsl:function>
</xsl:stylesheet>
