// libqrencode, for the join address's QR code on the projector (Debian: libqrencode-dev).
#ifndef CSEC_QRENCODE_SHIM_H
#define CSEC_QRENCODE_SHIM_H

#include <qrencode.h>

#endif
