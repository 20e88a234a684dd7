#ifndef GONGKAI_CLIBXML2_SHIM_H
#define GONGKAI_CLIBXML2_SHIM_H
// libxml2's HTML parser (tolerant of broken markup) for saved web pages, and its XML parser for the
// document part of a Word .docx. The include path comes from pkg-config (libxml-2.0).
//
// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes the system's ICU headers,
// which clash with the copy Foundation carries (`UErrorCode` defined twice, differently). gongkai
// never touches libxml2's encoding handlers (it hands over UTF-8), so the ICU part is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
