<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entity pages of a built collection (teiedition.entity_pages): one page per
  person, organisation and place the documents mention (input: <entity>), and
  the list of them all (input: <entities>).
  Why: a reader follows a name from one document to every paragraph of the
  collection that names it.  Self-contained pages (inline CSS, no script, no
  remote assets), so they work from file:// and any static host.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:variable name="te:kinds" as="map(xs:string, xs:string+)"
      select="map{'person': ('Person', 'Persons'), 'org': ('Organisation', 'Organisations'),
                  'place': ('Place', 'Places')}"/>
  <xsl:variable name="te:months" select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
      'August', 'September', 'October', 'November', 'December')"/>

  <xsl:template match="/entity">
    <xsl:variable name="kind" select="($te:kinds(@kind), 'Name', 'Names')"/>
    <xsl:variable name="places" select="count(doc/at)"/>
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="@name || ' · ' || $kind[2]"/>
      <xsl:with-param name="body" as="node()*">
        <nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Collection</a> › <a href="index.html">Names</a> › <xsl:value-of select="$kind[2]"/></nav>
        <header>
          <h1><xsl:value-of select="@name"/></h1>
          <p class="kind"><xsl:value-of select="$kind[1]"/></p>
          <xsl:for-each select="note[normalize-space()]"><p class="note"><xsl:value-of select="."/></p></xsl:for-each>
          <p class="authority"><xsl:apply-templates select="@sameAs"/></p>
        </header>
        <p class="count">Named in <xsl:value-of select="te:count(count(doc), 'document')"/>,
          <xsl:value-of select="te:count($places, 'passage')"/>
          (<xsl:value-of select="te:count(xs:integer(sum(doc/at/@count)), 'mention')"/>).</p>
        <ol class="documents">
          <xsl:for-each select="doc">
            <li id="doc-{@id}">
              <h2><a href="{@href}"><xsl:value-of select="@title"/></a></h2>
              <p class="date"><xsl:value-of select="te:date(@date, @dateText)"/></p>
              <ul class="places">
                <xsl:for-each select="at">
                  <li><a class="place" href="{@href}"><xsl:value-of select="@label"/></a>
                    <xsl:text> </xsl:text>
                    <q><xsl:value-of select="text()[1]"/><mark><xsl:value-of select="m"/></mark><xsl:value-of select="m/following-sibling::text()"/></q>
                    <xsl:if test="xs:integer(@count) gt 1"><span class="times"> (<xsl:value-of select="te:count(xs:integer(@count), 'mention')"/>)</span></xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The authority record: a Wikidata entity links to its page; another URI as it is; none said so. -->
  <xsl:template match="@sameAs[matches(., '^https?://(www\.)?wikidata\.org/(entity|wiki)/Q[0-9]+$')]">
    <xsl:variable name="q" select="replace(., '^.*/', '')"/>
    <a rel="external" href="https://www.wikidata.org/wiki/{$q}">Wikidata <xsl:value-of select="$q"/></a>
  </xsl:template>
  <xsl:template match="@sameAs[matches(., '^https?://')]" priority="-1">
    <a rel="external" href="{.}">Authority record: <xsl:value-of select="."/></a>
  </xsl:template>
  <xsl:template match="@sameAs" priority="-2">
    <xsl:text>No Wikidata record is recorded for this name (</xsl:text>
    <a rel="external" href="https://www.wikidata.org/w/index.php?search={encode-for-uri(../@name)}">search Wikidata</a>
    <xsl:text>).</xsl:text>
  </xsl:template>

  <xsl:template match="/entities">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Names in the collection'"/>
      <xsl:with-param name="body" as="node()*">
        <nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Collection</a> › Names</nav>
        <h1>Names in the collection</h1>
        <xsl:if test="empty(entity)"><p>No document of the collection names a person, organisation or place of the authority file.</p></xsl:if>
        <xsl:variable name="here" select="."/>
        <xsl:for-each select="('person', 'org', 'place')">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="all" select="$here/entity[@kind = $kind]"/>
          <xsl:if test="exists($all)">
            <section class="kind-{$kind}" aria-labelledby="h-{$kind}">
              <h2 id="h-{$kind}"><xsl:value-of select="$te:kinds($kind)[2]"/> (<xsl:value-of select="count($all)"/>)</h2>
              <xsl:if test="$kind = 'person'"><p class="count">By family name: Brezhnev, Leonid I.; Korean, Chinese and Vietnamese names are written family name first (Kim Il Sung, Zhou Enlai).</p></xsl:if>
              <ul class="entities">
                <xsl:for-each select="$all">
                  <li><a href="{@href}"><xsl:value-of select="@name"/></a>
                    <span class="times"> (<xsl:value-of select="te:count(xs:integer(@docs), 'document')"/>, <xsl:value-of select="te:count(xs:integer(@mentions), 'mention')"/>)</span></li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A surname printed alone that the authority gives to a full entry: its page points there
       (document pages link the id their TEI carries). -->
  <xsl:template match="/moved">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="@name || ' · Persons'"/>
      <xsl:with-param name="body" as="node()*">
        <nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Collection</a> › <a href="index.html">Names</a> › Persons</nav>
        <h1><xsl:value-of select="@name"/></h1>
        <p>The documents print only the surname; the authority file gives it to
          <a href="{@href}"><xsl:value-of select="@to"/></a>, whose page lists every mention.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">entities.xsl: unexpected input &lt;<xsl:value-of select="name()"/>&gt;</xsl:message>
  </xsl:template>

  <xsl:template name="te:page" as="node()*">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="body" as="node()*"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teiedition"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
body{font-family:Charter,"Bitstream Charter","Sitka Text",Cambria,"Noto Serif","DejaVu Serif",Georgia,serif;margin:0 auto;max-width:52rem;padding:1rem 1.25rem;line-height:1.5;color:#1d1d1f;background:#fffdf8}
a{color:#1d4f91}
a:focus-visible{outline:3px solid #f0a020;outline-offset:2px}
h1{font-size:1.7rem;margin:.4rem 0 .2rem}
h2{font-size:1.1rem;margin:1.2rem 0 .1rem}
.crumbs,.kind,.date,.times,.count{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","DejaVu Sans",Roboto,Helvetica,Arial,sans-serif;font-size:.9rem;color:#5b5b66}
.kind{margin:0;text-transform:uppercase;letter-spacing:.05em}
.note{font-style:italic}
ol.documents{padding-left:1.2rem}
ul.places{list-style:none;padding-left:0;margin:.3rem 0}
ul.places li{margin:.35rem 0;overflow-wrap:anywhere}
a.place{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","DejaVu Sans",Roboto,Helvetica,Arial,sans-serif;font-size:.9rem;white-space:nowrap;margin-right:.3rem}
q{quotes:none;color:#333}
mark{background:#fff1a8;color:inherit;padding:0 .1em}
ul.entities{columns:18rem;padding-left:1.2rem}
ul.entities li{break-inside:avoid;margin:.15rem 0}
@media print{.crumbs{display:none}}
        </style>
      </head>
      <body>
        <main><xsl:sequence select="$body"/></main>
      </body>
    </html>
  </xsl:template>

  <xsl:function name="te:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || (if ($n eq 1) then '' else 's')"/>
  </xsl:function>

  <!-- 1969-06-09 as 9 June 1969 (month and year precision kept); else the printed date. -->
  <xsl:function name="te:date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:param name="printed" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize($iso, '-')"/>
    <xsl:sequence select="
        if (matches($iso, '^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$'))
        then string-join((if ($parts[3]) then string(xs:integer($parts[3])) else (),
                          if ($parts[2]) then $te:months[xs:integer($parts[2])] else (), $parts[1]), ' ')
        else if (normalize-space($printed)) then normalize-space($printed) else 'undated'"/>
  </xsl:function>
</xsl:stylesheet>
