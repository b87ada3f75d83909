<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: MathML set as linear text with HTML superscripts and
  subscripts ("x² + y₁ = (a)/(b)"), because WeasyPrint lays out no MathML
  (each token would stand on a line of its own).  Every token of the formula
  is kept, in reading order; fractions, roots and fences get the brackets a
  reader needs to read them on one line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:x-teiedition:xslt"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="#all">

  <xsl:template match="mml:math" mode="te:text" as="node()*">
    <span class="math-linear" role="math" aria-label="{normalize-space(@alttext)}">
      <xsl:if test="not(normalize-space(@alttext))"><xsl:attribute name="aria-label" select="normalize-space(.)"/></xsl:if>
      <xsl:apply-templates mode="te:math-linear"/>
    </span>
  </xsl:template>

  <xsl:mode name="te:math-linear" on-no-match="shallow-skip"/>

  <xsl:template match="mml:mi | mml:mn | mml:mtext | mml:ms | mml:mspace" mode="te:math-linear">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <!-- Operators: relations and binary operators get thin spaces; fences and commas none before. -->
  <xsl:template match="mml:mo" mode="te:math-linear">
    <xsl:variable name="o" select="normalize-space(.)"/>
    <xsl:value-of select="if ($o = ('(', '[', '{', '|', ')', ']', '}', '', '&#x2061;', '&#x2062;')) then $o
        else if ($o = (',', ';')) then $o || ' ' else ' ' || $o || ' '"/>
  </xsl:template>
  <xsl:template match="mml:msup | mml:mover" mode="te:math-linear">
    <xsl:apply-templates select="*[1]" mode="te:math-linear"/>
    <sup><xsl:apply-templates select="*[2]" mode="te:math-linear"/></sup>
  </xsl:template>
  <xsl:template match="mml:msub | mml:munder" mode="te:math-linear">
    <xsl:apply-templates select="*[1]" mode="te:math-linear"/>
    <sub><xsl:apply-templates select="*[2]" mode="te:math-linear"/></sub>
  </xsl:template>
  <xsl:template match="mml:msubsup | mml:munderover" mode="te:math-linear">
    <xsl:apply-templates select="*[1]" mode="te:math-linear"/>
    <sub><xsl:apply-templates select="*[2]" mode="te:math-linear"/></sub>
    <sup><xsl:apply-templates select="*[3]" mode="te:math-linear"/></sup>
  </xsl:template>
  <xsl:template match="mml:mfrac" mode="te:math-linear">
    <xsl:text>(</xsl:text><xsl:apply-templates select="*[1]" mode="te:math-linear"/>
    <xsl:text>)/(</xsl:text><xsl:apply-templates select="*[2]" mode="te:math-linear"/><xsl:text>)</xsl:text>
  </xsl:template>
  <xsl:template match="mml:msqrt" mode="te:math-linear">
    <xsl:text>√(</xsl:text><xsl:apply-templates mode="te:math-linear"/><xsl:text>)</xsl:text>
  </xsl:template>
  <xsl:template match="mml:mroot" mode="te:math-linear">
    <sup><xsl:apply-templates select="*[2]" mode="te:math-linear"/></sup>
    <xsl:text>√(</xsl:text><xsl:apply-templates select="*[1]" mode="te:math-linear"/><xsl:text>)</xsl:text>
  </xsl:template>
  <xsl:template match="mml:mfenced" mode="te:math-linear">
    <xsl:value-of select="(@open, '(')[1]"/>
    <xsl:for-each select="*">
      <xsl:if test="position() gt 1"><xsl:value-of select="(@separators, ',')[1]"/></xsl:if>
      <xsl:apply-templates select="." mode="te:math-linear"/>
    </xsl:for-each>
    <xsl:value-of select="(@close, ')')[1]"/>
  </xsl:template>
  <xsl:template match="mml:mtable" mode="te:math-linear">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="mml:mtr | mml:mlabeledtr">
      <xsl:if test="position() gt 1">; </xsl:if>
      <xsl:for-each select="mml:mtd">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:apply-templates mode="te:math-linear"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="mml:semantics" mode="te:math-linear">
    <xsl:apply-templates select="*[1]" mode="te:math-linear"/>
  </xsl:template>
  <xsl:template match="mml:annotation | mml:annotation-xml" mode="te:math-linear"/>
</xsl:stylesheet>
