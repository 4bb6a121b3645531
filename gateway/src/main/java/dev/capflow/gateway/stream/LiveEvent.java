package dev.capflow.gateway.stream;

/** One event of a live stream as its clients get it: the SSE event name and its data, one line of JSON. */
record LiveEvent(String name, String data) {}
