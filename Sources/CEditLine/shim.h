#ifndef GONGKAI_CEDITLINE_SHIM_H
#define GONGKAI_CEDITLINE_SHIM_H
#include <histedit.h>
#endif
