#ifndef NEWSWIRE_CRDKAFKA_SHIM_H
#define NEWSWIRE_CRDKAFKA_SHIM_H
/* The mock-cluster header needs the main header first. */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#endif
