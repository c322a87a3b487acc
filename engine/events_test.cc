#include "chronik/events.h"
#include <doctest/doctest.h>
