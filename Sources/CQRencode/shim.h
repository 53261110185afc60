// libqrencode, for QR codes: the join address on the projector, the invitation sheet's cards
// (Debian: libqrencode-dev).
#ifndef CSEC_QRENCODE_SHIM_H
#define CSEC_QRENCODE_SHIM_H

#include <qrencode.h>

#endif
