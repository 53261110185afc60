// libyaml, the reference YAML 1.1 parser in C, for csec-trainer's content files
// (Debian: libyaml-dev). ContentLoading builds its document tree from libyaml's events.
#ifndef CSEC_YAML_SHIM_H
#define CSEC_YAML_SHIM_H

#include <yaml.h>

#endif
