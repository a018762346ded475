// Socat pty pairs for tests: the implementation lives with the simulators, which people and the demo site use too.
export { openVirtualSerialPair, type VirtualSerialPair, type VirtualSerialPairOptions } from '../../electron/core/devices/simulation/virtual-serial-pair';
