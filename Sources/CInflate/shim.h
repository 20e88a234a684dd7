#ifndef GONGKAI_CINFLATE_SHIM_H
#define GONGKAI_CINFLATE_SHIM_H
// zlib for reading .docx archives: raw deflate streams and CRC-32. inflateInit2 is a macro Swift cannot
// call: wrapped here.
#include <zlib.h>
static inline int gongkai_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
