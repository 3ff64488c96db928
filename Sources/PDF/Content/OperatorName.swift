/// Operator names as string literals: returning a literal avoids building and validating a new
/// `String` for each of the (very many) operators in a content stream.
enum OperatorName {
    /// The standard operator spelled by `bytes[range]`, or nil for anything else.
    @inline(__always) static func known(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        let count = range.count
        guard count >= 1 && count <= 3 else { return nil }
        var key = UInt32(count) << 24
        var shift: UInt32 = 0
        for i in range {
            key |= UInt32(bytes[i]) << shift
            shift += 8
        }
        switch key {
        case 0x01000077: return "w"
        case 0x0100004A: return "J"
        case 0x0100006A: return "j"
        case 0x0100004D: return "M"
        case 0x01000064: return "d"
        case 0x01000069: return "i"
        case 0x01000071: return "q"
        case 0x01000051: return "Q"
        case 0x0100006D: return "m"
        case 0x0100006C: return "l"
        case 0x01000063: return "c"
        case 0x01000076: return "v"
        case 0x01000079: return "y"
        case 0x01000068: return "h"
        case 0x01000053: return "S"
        case 0x01000073: return "s"
        case 0x01000066: return "f"
        case 0x01000046: return "F"
        case 0x01000042: return "B"
        case 0x01000062: return "b"
        case 0x0100006E: return "n"
        case 0x01000057: return "W"
        case 0x01000067: return "g"
        case 0x01000047: return "G"
        case 0x0100006B: return "k"
        case 0x0100004B: return "K"
        case 0x01000027: return "'"
        case 0x01000022: return "\""
        case 0x02006D63: return "cm"
        case 0x02007367: return "gs"
        case 0x02006572: return "re"
        case 0x02002A66: return "f*"
        case 0x02002A42: return "B*"
        case 0x02002A62: return "b*"
        case 0x02002A57: return "W*"
        case 0x02005442: return "BT"
        case 0x02005445: return "ET"
        case 0x02006354: return "Tc"
        case 0x02007754: return "Tw"
        case 0x02007A54: return "Tz"
        case 0x02004C54: return "TL"
        case 0x02006654: return "Tf"
        case 0x02007254: return "Tr"
        case 0x02007354: return "Ts"
        case 0x02006454: return "Td"
        case 0x02004454: return "TD"
        case 0x02006D54: return "Tm"
        case 0x02002A54: return "T*"
        case 0x02006A54: return "Tj"
        case 0x02004A54: return "TJ"
        case 0x02006F44: return "Do"
        case 0x02006873: return "sh"
        case 0x02005343: return "CS"
        case 0x02007363: return "cs"
        case 0x02004353: return "SC"
        case 0x02006373: return "sc"
        case 0x02004752: return "RG"
        case 0x02006772: return "rg"
        case 0x02005842: return "BX"
        case 0x02005845: return "EX"
        case 0x0200504D: return "MP"
        case 0x02005044: return "DP"
        case 0x02003064: return "d0"
        case 0x02003164: return "d1"
        case 0x02006972: return "ri"
        case 0x02004449: return "ID"
        case 0x02004945: return "EI"
        case 0x03434442: return "BDC"
        case 0x03434D45: return "EMC"
        case 0x03434D42: return "BMC"
        case 0x034E4353: return "SCN"
        case 0x036E6373: return "scn"
        default: return nil
        }
    }
}
