<?xml version="1.0" encoding="UTF-8"?>
<!--
  Facsimiles: page images beside the text (facsimile/surface/graphic, pb/@facs,
  sourceDoc surfaces) and the regions (zone) that the text points to.
  Why: a documentary edition shows the page the words were read from, as TEI
  Publisher and EVT do.  Images are used where the file says they are: a
  relative path next to the document, or an http(s) address (a IIIF Image API
  service is asked for its full image).  Width and height come from the
  graphic or its surface, so the page does not jump while images load.
  Formats browsers cannot show (JPEG 2000, TIFF) are offered as links.
  A zone the text points to (@facs="#z1") is drawn over its image; the text
  carries data-zone, and edition.js lights the zone while the reader points
  at or focuses that text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The address an <img> can load for a graphic URL, or () when it cannot be shown. -->
  <xsl:function name="te:image-src" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:variable name="remote" select="matches($u, '^https?://[^\s&quot;&lt;&gt;]+$')"/>
    <xsl:sequence select="
        if (te:image-is-iiif-service($u)) then replace($u, '/info\.json$', '') || '/full/max/0/default.jpg'
        else if (matches($u, '\.(jp2|j2k|jpx|tiff?)$', 'i')) then ()
        else if ($remote) then $u
        else te:local-src($u)"/>
  </xsl:function>

  <!-- A IIIF Image API service: its info.json, or a base URL under /iiif/ with no file extension. -->
  <xsl:function name="te:image-is-iiif-service" as="xs:boolean">
    <xsl:param name="u" as="xs:string"/>
    <xsl:sequence select="matches($u, '^https?://\S+/info\.json$')
        or (matches($u, '^https?://\S*/iiif/\S+$') and not(matches($u, '\.[A-Za-z0-9]{2,4}$')))"/>
  </xsl:function>

  <!-- A length in pixels ("1000", "1000px") or (). -->
  <xsl:function name="te:pixels" as="xs:integer?">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:sequence select="if (matches($v, '^\d{1,6}(px)?$')) then xs:integer(replace($v, 'px', '')) else ()"/>
  </xsl:function>

  <!-- The images of what a @facs points at: a surface's graphics, a graphic, or a URL given directly. -->
  <xsl:function name="te:facs-graphics" as="item()*">
    <xsl:param name="facs" as="attribute()?"/>
    <xsl:sequence select="(te:targets($facs) ! (if (self::graphic) then . else (graphic, media)[1]),
        tokenize(normalize-space($facs), ' ')[not(starts-with(., '#'))])"/>
  </xsl:function>

  <!--
    One page image: the image (or a link to a format browsers cannot show), sized from the
    graphic or its surface, with the zones of its surface that the text points to drawn over it.
  -->
  <xsl:template name="te:page-image" as="element()?">
    <xsl:param name="graphic" as="item()"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:variable name="url" select="if ($graphic instance of element()) then string($graphic/@url) else string($graphic)"/>
    <xsl:variable name="surface" select="if ($graphic instance of element()) then $graphic/ancestor::surface[1] else ()"/>
    <xsl:variable name="src" select="te:image-src($url)"/>
    <xsl:variable name="width" select="if ($graphic instance of element()) then (te:pixels($graphic/@width), te:surface-width($surface))[1] else ()"/>
    <xsl:variable name="height" select="if ($graphic instance of element()) then (te:pixels($graphic/@height), te:surface-height($surface))[1] else ()"/>
    <xsl:choose>
      <xsl:when test="exists($src)">
        <span class="facsimile-page" role="figure" aria-label="{$label}">
          <span class="facsimile-frame">
            <img src="{$src}" alt="{$label}" loading="lazy">
              <xsl:if test="exists($width) and exists($height) and $width gt 0 and $height gt 0">
                <xsl:attribute name="width" select="$width"/>
                <xsl:attribute name="height" select="$height"/>
              </xsl:if>
            </img>
            <xsl:for-each select="$surface/zone[@xml:id][exists(key('te:by-facs', string(@xml:id)))]">
              <xsl:call-template name="te:zone-box"/>
            </xsl:for-each>
          </span>
          <span class="facsimile-caption"><xsl:value-of select="$label"/></span>
        </span>
      </xsl:when>
      <xsl:when test="matches(normalize-space($url), '^https?://\S+$')">
        <span class="facsimile-page facsimile-link">
          <a href="{normalize-space($url)}"><xsl:value-of select="$label"/> (image, <xsl:value-of
              select="upper-case(replace($url, '^.*\.([A-Za-z0-9]+)$', '$1'))"/>)</a>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="facsimile-page facsimile-missing editorial">[<xsl:value-of select="$label"/>: <xsl:value-of select="$url"/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A surface's size in its own coordinates (lrx - ulx, lry - uly), or () when not given. -->
  <xsl:function name="te:surface-width" as="xs:integer?">
    <xsl:param name="s" as="element()?"/>
    <xsl:sequence select="te:extent($s/@ulx, $s/@lrx)"/>
  </xsl:function>
  <xsl:function name="te:surface-height" as="xs:integer?">
    <xsl:param name="s" as="element()?"/>
    <xsl:sequence select="te:extent($s/@uly, $s/@lry)"/>
  </xsl:function>
  <xsl:function name="te:extent" as="xs:integer?">
    <xsl:param name="from" as="attribute()?"/>
    <xsl:param name="to" as="attribute()?"/>
    <xsl:sequence select="if ($to castable as xs:decimal and (empty($from) or $from castable as xs:decimal))
        then xs:integer(round(xs:decimal($to) - xs:decimal(($from, 0)[1]))) else ()"/>
  </xsl:function>

  <!-- Elements whose @facs points at a zone, by that zone's id. -->
  <xsl:key name="te:by-facs" match="*[@facs][not(self::pb)]"
      use="tokenize(normalize-space(@facs), ' ')[starts-with(., '#')] ! substring(., 2)"/>

  <!-- A zone drawn over its page image, in percent of the surface (so it scales with the image). -->
  <xsl:template name="te:zone-box" as="element()?">
    <xsl:variable name="s" select="ancestor::surface[1]"/>
    <xsl:variable name="w" select="te:surface-width($s)"/>
    <xsl:variable name="h" select="te:surface-height($s)"/>
    <xsl:variable name="coords" select="(@ulx, @uly, @lrx, @lry)"/>
    <xsl:if test="count($coords[. castable as xs:decimal]) = 4 and exists($w) and exists($h) and $w gt 0 and $h gt 0">
      <xsl:variable name="x0" select="xs:decimal(($s/@ulx, 0)[1])"/>
      <xsl:variable name="y0" select="xs:decimal(($s/@uly, 0)[1])"/>
      <span class="facs-zone" id="facs-{te:id(.)}" data-zone="{@xml:id}" style="{string-join((
          'left:' || round((xs:decimal(@ulx) - $x0) * 100 div $w, 2) || '%',
          'top:' || round((xs:decimal(@uly) - $y0) * 100 div $h, 2) || '%',
          'width:' || round((xs:decimal(@lrx) - xs:decimal(@ulx)) * 100 div $w, 2) || '%',
          'height:' || round((xs:decimal(@lry) - xs:decimal(@uly)) * 100 div $h, 2) || '%'), ';')}"/>
    </xsl:if>
  </xsl:template>

  <!-- What a reader calls a page image: "Page 2", else the surface's @n, else its position. -->
  <xsl:function name="te:facs-label" as="xs:string">
    <xsl:param name="pb" as="element()?"/>
    <xsl:param name="graphic" as="item()"/>
    <xsl:variable name="surface" select="if ($graphic instance of element()) then $graphic/ancestor::surface[1] else ()"/>
    <xsl:sequence select="'Image of ' || (
        if (normalize-space($pb/@n)) then 'page ' || normalize-space($pb/@n)
        else if (normalize-space($surface/@n)) then 'page ' || normalize-space($surface/@n)
        else if ($surface) then 'surface ' || (count($surface/preceding::surface) + 1)
        else 'the page')"/>
  </xsl:function>

  <!-- The image of a transcribed surface (sourceDoc) stands at the top of its transcription. -->
  <xsl:template match="surface/graphic" mode="te:text" as="node()*">
    <xsl:call-template name="te:page-image">
      <xsl:with-param name="graphic" select="."/>
      <xsl:with-param name="label" select="te:facs-label((), .)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Surfaces of <facsimile> that no page break shows: a gallery after the document. -->
  <xsl:template name="te:facsimile-section" as="element()?">
    <xsl:variable name="shown" select="//text//pb/@facs ! te:targets(.)"/>
    <xsl:variable name="rest" select="facsimile//surface[not(ancestor::surface)][empty(. intersect $shown)][graphic]"/>
    <xsl:if test="exists($rest)">
      <section id="facsimile" class="facsimile-section" aria-labelledby="facsimile-title">
        <h2 id="facsimile-title">Facsimile</h2>
        <div class="facsimile-gallery">
          <xsl:for-each select="$rest">
            <xsl:call-template name="te:page-image">
              <xsl:with-param name="graphic" select="graphic[1]"/>
              <xsl:with-param name="label" select="te:facs-label((), graphic[1])"/>
            </xsl:call-template>
          </xsl:for-each>
        </div>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
