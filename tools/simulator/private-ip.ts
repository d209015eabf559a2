// The rule lives in shared/ so the app's webhook form can apply it too, exactly as the simulator does.
export { isPrivateOrLoopbackHost } from '../../shared/net/private-ip'
