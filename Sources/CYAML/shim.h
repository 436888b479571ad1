#ifndef CHARTER_CYAML_SHIM_H
#define CHARTER_CYAML_SHIM_H
#include <yaml.h>
#endif
