// cairo, for csec-trainer's PDF certificates (Debian: libcairo2-dev; fonts: fonts-dejavu-core).
#ifndef CSEC_CAIRO_SHIM_H
#define CSEC_CAIRO_SHIM_H

#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

#endif
