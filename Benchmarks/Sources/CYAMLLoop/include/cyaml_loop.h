#ifndef CYAML_LOOP_H
#define CYAML_LOOP_H
#include <stddef.h>

/// Parses `length` bytes with libyaml's event API and returns the number of events (-1 on error).
long cyaml_count_events(const unsigned char *bytes, size_t length);

#endif
