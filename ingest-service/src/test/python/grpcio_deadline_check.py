#!/usr/bin/python3
"""Normal gRPC calls interleaved with 3 ms-deadline calls on one grpcio channel (Debian's python3-grpcio).

A client nobody in this project wrote: it must see no UNAVAILABLE (nor any other failure) on the normal calls.
Calls go without generated stubs, as raw serialized protobuf bytes:

  grpcio_deadline_check.py HOST:PORT ROUNDS SLOW_METHOD SLOW_REQUEST_HEX NORMAL_METHOD NORMAL_REQUEST_HEX

Each round: one grpc.health.v1 Check, one SLOW_METHOD call with a 3 ms deadline, one NORMAL_METHOD call with a 10 s
deadline. The SLOW and NORMAL calls carry `authorization: Bearer $CAPFLOW_TOKEN` (the service checks it; health
needs none). Prints one JSON object (health status bytes, counts of each outcome, every failed normal call) and exits
1 when a normal call or a health check failed.
"""
import json
import os
import sys

import grpc

HEALTH_CHECK = "/grpc.health.v1.Health/Check"
SERVING = bytes([0x08, 0x01])  # HealthCheckResponse{status: SERVING}


def identity(data):
    return data


def main(target, rounds, slow_method, slow_request_hex, normal_method, normal_request_hex):
    slow_request = bytes.fromhex(slow_request_hex)
    normal_request = bytes.fromhex(normal_request_hex)
    auth = (("authorization", "Bearer " + os.environ["CAPFLOW_TOKEN"]),)
    outcome = {"rounds": rounds, "health_serving": 0, "normal_ok": 0, "normal_answer_bytes": 0,
               "doomed": {}, "failures": []}
    with grpc.insecure_channel(target) as channel:
        health = channel.unary_unary(HEALTH_CHECK, request_serializer=identity, response_deserializer=identity)
        slow = channel.unary_unary(slow_method, request_serializer=identity, response_deserializer=identity)
        normal = channel.unary_unary(normal_method, request_serializer=identity, response_deserializer=identity)
        for round_number in range(rounds):
            try:
                if health(b"", timeout=10) == SERVING:
                    outcome["health_serving"] += 1
            except grpc.RpcError as error:
                outcome["failures"].append(f"round {round_number} health: {error.code().name} {error.details()}")
            try:
                slow(slow_request, timeout=0.003, metadata=auth)
                code = "OK"
            except grpc.RpcError as error:
                code = error.code().name
            outcome["doomed"][code] = outcome["doomed"].get(code, 0) + 1
            try:
                answer = normal(normal_request, timeout=10, metadata=auth)
                outcome["normal_ok"] += 1
                outcome["normal_answer_bytes"] = len(answer)
            except grpc.RpcError as error:
                outcome["failures"].append(f"round {round_number} normal: {error.code().name} {error.details()}")
    print(json.dumps(outcome))
    return 1 if outcome["failures"] else 0


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:]))
