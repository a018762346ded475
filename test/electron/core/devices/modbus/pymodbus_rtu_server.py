"""Interop peer: pymodbus 3.0 (Debian's python3-pymodbus) as a Modbus RTU slave on a serial port.

Usage: pymodbus_rtu_server.py <port>
Serves two slaves with known registers and prints "ready" once the port is open:
  slave 1, the RS485 temperature/humidity transmitter: holding 0x0000 = 626 (62.6 %RH),
           0x0001 = 0xFF9C (-10.0 degC as a signed word);
  slave 3, the precision air conditioner: input 0x0000-0x0004 = 285, 456, 180 and 70000 as a
           low-word-first u32; holding 0x0010 = 1 (running), 0x0011 = 0b0110 (low pressure, filter).
"""
import asyncio
import logging
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.server import StartAsyncSerialServer


def slave(holding, inputs=None):
    # zero_mode: request address N reads values[N]; pymodbus otherwise adds 1 (its 1-based default).
    return ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, holding),
        ir=ModbusSequentialDataBlock(0, inputs or [0]),
        zero_mode=True,
    )


async def main(port):
    logging.basicConfig(level=logging.ERROR)
    ac_holding = [0] * 0x10 + [1, 0b0110]
    context = ModbusServerContext(
        slaves={
            1: slave([626, 0xFF9C]),
            3: slave(ac_holding, [285, 456, 180, 70000 & 0xFFFF, 70000 >> 16]),
        },
        single=False,
    )
    # StartAsyncSerialServer defaults to the ASCII framer in 3.0: RTU must be asked for.
    server = await StartAsyncSerialServer(
        context=context,
        framer=ModbusRtuFramer,
        port=port,
        baudrate=9600,
        bytesize=8,
        parity="N",
        stopbits=1,
        ignore_missing_slaves=True,
        defer_start=True,
    )
    await server.start()
    print("ready", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
