/*! qrcode 1.5.4 (MIT licence, https://github.com/soldair/node-qrcode) */
(() => {
  var Ee = Object.create;
  var Nt = Object.defineProperty;
  var me = Object.getOwnPropertyDescriptor;
  var Ce = Object.getOwnPropertyNames;
  var ye = Object.getPrototypeOf,
    Be = Object.prototype.hasOwnProperty;
  var g = (n, t) => () => {
    try {
      return (t || n((t = { exports: {} }).exports, t), t.exports);
    } catch (e) {
      throw ((t = 0), e);
    }
  };
  var Ae = (n, t, e, r) => {
    if ((t && typeof t == "object") || typeof t == "function")
      for (let o of Ce(t))
        !Be.call(n, o) &&
          o !== e &&
          Nt(n, o, { get: () => t[o], enumerable: !(r = me(t, o)) || r.enumerable });
    return n;
  };
  var Ne = (n, t, e) => (
    (e = n != null ? Ee(ye(n)) : {}),
    Ae(t || !n || !n.__esModule ? Nt(e, "default", { value: n, enumerable: !0 }) : e, n)
  );
  var B = g((I) => {
    var rt,
      Te = [
        0, 26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901,
        991, 1085, 1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611,
        2761, 2876, 3034, 3196, 3362, 3532, 3706,
      ];
    I.getSymbolSize = function (t) {
      if (!t) throw new Error('"version" cannot be null or undefined');
      if (t < 1 || t > 40) throw new Error('"version" should be in range from 1 to 40');
      return t * 4 + 17;
    };
    I.getSymbolTotalCodewords = function (t) {
      return Te[t];
    };
    I.getBCHDigit = function (n) {
      let t = 0;
      for (; n !== 0;) (t++, (n >>>= 1));
      return t;
    };
    I.setToSJISFunction = function (t) {
      if (typeof t != "function") throw new Error('"toSJISFunc" is not a valid function.');
      rt = t;
    };
    I.isKanjiModeEnabled = function () {
      return typeof rt < "u";
    };
    I.toSJIS = function (t) {
      return rt(t);
    };
  });
  var Y = g((w) => {
    w.L = { bit: 1 };
    w.M = { bit: 0 };
    w.Q = { bit: 3 };
    w.H = { bit: 2 };
    function Ie(n) {
      if (typeof n != "string") throw new Error("Param is not a string");
      switch (n.toLowerCase()) {
        case "l":
        case "low":
          return w.L;
        case "m":
        case "medium":
          return w.M;
        case "q":
        case "quartile":
          return w.Q;
        case "h":
        case "high":
          return w.H;
        default:
          throw new Error("Unknown EC Level: " + n);
      }
    }
    w.isValid = function (t) {
      return t && typeof t.bit < "u" && t.bit >= 0 && t.bit < 4;
    };
    w.from = function (t, e) {
      if (w.isValid(t)) return t;
      try {
        return Ie(t);
      } catch {
        return e;
      }
    };
  });
  var Mt = g((pn, It) => {
    function Tt() {
      ((this.buffer = []), (this.length = 0));
    }
    Tt.prototype = {
      get: function (n) {
        let t = Math.floor(n / 8);
        return ((this.buffer[t] >>> (7 - (n % 8))) & 1) === 1;
      },
      put: function (n, t) {
        for (let e = 0; e < t; e++) this.putBit(((n >>> (t - e - 1)) & 1) === 1);
      },
      getLengthInBits: function () {
        return this.length;
      },
      putBit: function (n) {
        let t = Math.floor(this.length / 8);
        (this.buffer.length <= t && this.buffer.push(0),
          n && (this.buffer[t] |= 128 >>> (this.length % 8)),
          this.length++);
      },
    };
    It.exports = Tt;
  });
  var Pt = g((wn, St) => {
    function q(n) {
      if (!n || n < 1) throw new Error("BitMatrix size must be defined and greater than 0");
      ((this.size = n),
        (this.data = new Uint8Array(n * n)),
        (this.reservedBit = new Uint8Array(n * n)));
    }
    q.prototype.set = function (n, t, e, r) {
      let o = n * this.size + t;
      ((this.data[o] = e), r && (this.reservedBit[o] = !0));
    };
    q.prototype.get = function (n, t) {
      return this.data[n * this.size + t];
    };
    q.prototype.xor = function (n, t, e) {
      this.data[n * this.size + t] ^= e;
    };
    q.prototype.isReserved = function (n, t) {
      return this.reservedBit[n * this.size + t];
    };
    St.exports = q;
  });
  var bt = g((G) => {
    var Me = B().getSymbolSize;
    G.getRowColCoords = function (t) {
      if (t === 1) return [];
      let e = Math.floor(t / 7) + 2,
        r = Me(t),
        o = r === 145 ? 26 : Math.ceil((r - 13) / (2 * e - 2)) * 2,
        i = [r - 7];
      for (let s = 1; s < e - 1; s++) i[s] = i[s - 1] - o;
      return (i.push(6), i.reverse());
    };
    G.getPositions = function (t) {
      let e = [],
        r = G.getRowColCoords(t),
        o = r.length;
      for (let i = 0; i < o; i++)
        for (let s = 0; s < o; s++)
          (i === 0 && s === 0) ||
            (i === 0 && s === o - 1) ||
            (i === o - 1 && s === 0) ||
            e.push([r[i], r[s]]);
      return e;
    };
  });
  var _t = g((Lt) => {
    var Se = B().getSymbolSize,
      Rt = 7;
    Lt.getPositions = function (t) {
      let e = Se(t);
      return [
        [0, 0],
        [e - Rt, 0],
        [0, e - Rt],
      ];
    };
  });
  var xt = g((f) => {
    f.Patterns = {
      PATTERN000: 0,
      PATTERN001: 1,
      PATTERN010: 2,
      PATTERN011: 3,
      PATTERN100: 4,
      PATTERN101: 5,
      PATTERN110: 6,
      PATTERN111: 7,
    };
    var M = { N1: 3, N2: 3, N3: 40, N4: 10 };
    f.isValid = function (t) {
      return t != null && t !== "" && !isNaN(t) && t >= 0 && t <= 7;
    };
    f.from = function (t) {
      return f.isValid(t) ? parseInt(t, 10) : void 0;
    };
    f.getPenaltyN1 = function (t) {
      let e = t.size,
        r = 0,
        o = 0,
        i = 0,
        s = null,
        u = null;
      for (let c = 0; c < e; c++) {
        ((o = i = 0), (s = u = null));
        for (let l = 0; l < e; l++) {
          let d = t.get(c, l);
          (d === s ? o++ : (o >= 5 && (r += M.N1 + (o - 5)), (s = d), (o = 1)),
            (d = t.get(l, c)),
            d === u ? i++ : (i >= 5 && (r += M.N1 + (i - 5)), (u = d), (i = 1)));
        }
        (o >= 5 && (r += M.N1 + (o - 5)), i >= 5 && (r += M.N1 + (i - 5)));
      }
      return r;
    };
    f.getPenaltyN2 = function (t) {
      let e = t.size,
        r = 0;
      for (let o = 0; o < e - 1; o++)
        for (let i = 0; i < e - 1; i++) {
          let s = t.get(o, i) + t.get(o, i + 1) + t.get(o + 1, i) + t.get(o + 1, i + 1);
          (s === 4 || s === 0) && r++;
        }
      return r * M.N2;
    };
    f.getPenaltyN3 = function (t) {
      let e = t.size,
        r = 0,
        o = 0,
        i = 0;
      for (let s = 0; s < e; s++) {
        o = i = 0;
        for (let u = 0; u < e; u++)
          ((o = ((o << 1) & 2047) | t.get(s, u)),
            u >= 10 && (o === 1488 || o === 93) && r++,
            (i = ((i << 1) & 2047) | t.get(u, s)),
            u >= 10 && (i === 1488 || i === 93) && r++);
      }
      return r * M.N3;
    };
    f.getPenaltyN4 = function (t) {
      let e = 0,
        r = t.data.length;
      for (let i = 0; i < r; i++) e += t.data[i];
      return Math.abs(Math.ceil((e * 100) / r / 5) - 10) * M.N4;
    };
    function Pe(n, t, e) {
      switch (n) {
        case f.Patterns.PATTERN000:
          return (t + e) % 2 === 0;
        case f.Patterns.PATTERN001:
          return t % 2 === 0;
        case f.Patterns.PATTERN010:
          return e % 3 === 0;
        case f.Patterns.PATTERN011:
          return (t + e) % 3 === 0;
        case f.Patterns.PATTERN100:
          return (Math.floor(t / 2) + Math.floor(e / 3)) % 2 === 0;
        case f.Patterns.PATTERN101:
          return ((t * e) % 2) + ((t * e) % 3) === 0;
        case f.Patterns.PATTERN110:
          return (((t * e) % 2) + ((t * e) % 3)) % 2 === 0;
        case f.Patterns.PATTERN111:
          return (((t * e) % 3) + ((t + e) % 2)) % 2 === 0;
        default:
          throw new Error("bad maskPattern:" + n);
      }
    }
    f.applyMask = function (t, e) {
      let r = e.size;
      for (let o = 0; o < r; o++)
        for (let i = 0; i < r; i++) e.isReserved(i, o) || e.xor(i, o, Pe(t, i, o));
    };
    f.getBestMask = function (t, e) {
      let r = Object.keys(f.Patterns).length,
        o = 0,
        i = 1 / 0;
      for (let s = 0; s < r; s++) {
        (e(s), f.applyMask(s, t));
        let u = f.getPenaltyN1(t) + f.getPenaltyN2(t) + f.getPenaltyN3(t) + f.getPenaltyN4(t);
        (f.applyMask(s, t), u < i && ((i = u), (o = s)));
      }
      return o;
    };
  });
  var it = g((ot) => {
    var A = Y(),
      O = [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 2, 2, 4, 1, 2, 4, 4, 2, 4, 4, 4, 2, 4, 6, 5, 2, 4, 6,
        6, 2, 5, 8, 8, 4, 5, 8, 8, 4, 5, 8, 11, 4, 8, 10, 11, 4, 9, 12, 16, 4, 9, 16, 16, 6, 10, 12,
        18, 6, 10, 17, 16, 6, 11, 16, 19, 6, 13, 18, 21, 7, 14, 21, 25, 8, 16, 20, 25, 8, 17, 23,
        25, 9, 17, 23, 34, 9, 18, 25, 30, 10, 20, 27, 32, 12, 21, 29, 35, 12, 23, 34, 37, 12, 25,
        34, 40, 13, 26, 35, 42, 14, 28, 38, 45, 15, 29, 40, 48, 16, 31, 43, 51, 17, 33, 45, 54, 18,
        35, 48, 57, 19, 37, 51, 60, 19, 38, 53, 63, 20, 40, 56, 66, 21, 43, 59, 70, 22, 45, 62, 74,
        24, 47, 65, 77, 25, 49, 68, 81,
      ],
      Q = [
        7, 10, 13, 17, 10, 16, 22, 28, 15, 26, 36, 44, 20, 36, 52, 64, 26, 48, 72, 88, 36, 64, 96,
        112, 40, 72, 108, 130, 48, 88, 132, 156, 60, 110, 160, 192, 72, 130, 192, 224, 80, 150, 224,
        264, 96, 176, 260, 308, 104, 198, 288, 352, 120, 216, 320, 384, 132, 240, 360, 432, 144,
        280, 408, 480, 168, 308, 448, 532, 180, 338, 504, 588, 196, 364, 546, 650, 224, 416, 600,
        700, 224, 442, 644, 750, 252, 476, 690, 816, 270, 504, 750, 900, 300, 560, 810, 960, 312,
        588, 870, 1050, 336, 644, 952, 1110, 360, 700, 1020, 1200, 390, 728, 1050, 1260, 420, 784,
        1140, 1350, 450, 812, 1200, 1440, 480, 868, 1290, 1530, 510, 924, 1350, 1620, 540, 980,
        1440, 1710, 570, 1036, 1530, 1800, 570, 1064, 1590, 1890, 600, 1120, 1680, 1980, 630, 1204,
        1770, 2100, 660, 1260, 1860, 2220, 720, 1316, 1950, 2310, 750, 1372, 2040, 2430,
      ];
    ot.getBlocksCount = function (t, e) {
      switch (e) {
        case A.L:
          return O[(t - 1) * 4 + 0];
        case A.M:
          return O[(t - 1) * 4 + 1];
        case A.Q:
          return O[(t - 1) * 4 + 2];
        case A.H:
          return O[(t - 1) * 4 + 3];
        default:
          return;
      }
    };
    ot.getTotalCodewordsCount = function (t, e) {
      switch (e) {
        case A.L:
          return Q[(t - 1) * 4 + 0];
        case A.M:
          return Q[(t - 1) * 4 + 1];
        case A.Q:
          return Q[(t - 1) * 4 + 2];
        case A.H:
          return Q[(t - 1) * 4 + 3];
        default:
          return;
      }
    };
  });
  var Ut = g(($) => {
    var F = new Uint8Array(512),
      j = new Uint8Array(256);
    (function () {
      let t = 1;
      for (let e = 0; e < 255; e++) ((F[e] = t), (j[t] = e), (t <<= 1), t & 256 && (t ^= 285));
      for (let e = 255; e < 512; e++) F[e] = F[e - 255];
    })();
    $.log = function (t) {
      if (t < 1) throw new Error("log(" + t + ")");
      return j[t];
    };
    $.exp = function (t) {
      return F[t];
    };
    $.mul = function (t, e) {
      return t === 0 || e === 0 ? 0 : F[j[t] + j[e]];
    };
  });
  var Dt = g((z) => {
    var st = Ut();
    z.mul = function (t, e) {
      let r = new Uint8Array(t.length + e.length - 1);
      for (let o = 0; o < t.length; o++)
        for (let i = 0; i < e.length; i++) r[o + i] ^= st.mul(t[o], e[i]);
      return r;
    };
    z.mod = function (t, e) {
      let r = new Uint8Array(t);
      for (; r.length - e.length >= 0;) {
        let o = r[0];
        for (let s = 0; s < e.length; s++) r[s] ^= st.mul(e[s], o);
        let i = 0;
        for (; i < r.length && r[i] === 0;) i++;
        r = r.slice(i);
      }
      return r;
    };
    z.generateECPolynomial = function (t) {
      let e = new Uint8Array([1]);
      for (let r = 0; r < t; r++) e = z.mul(e, new Uint8Array([1, st.exp(r)]));
      return e;
    };
  });
  var zt = g((Nn, Ft) => {
    var qt = Dt();
    function ut(n) {
      ((this.genPoly = void 0), (this.degree = n), this.degree && this.initialize(this.degree));
    }
    ut.prototype.initialize = function (t) {
      ((this.degree = t), (this.genPoly = qt.generateECPolynomial(this.degree)));
    };
    ut.prototype.encode = function (t) {
      if (!this.genPoly) throw new Error("Encoder not initialized");
      let e = new Uint8Array(t.length + this.degree);
      e.set(t);
      let r = qt.mod(e, this.genPoly),
        o = this.degree - r.length;
      if (o > 0) {
        let i = new Uint8Array(this.degree);
        return (i.set(r, o), i);
      }
      return r;
    };
    Ft.exports = ut;
  });
  var ct = g((kt) => {
    kt.isValid = function (t) {
      return !isNaN(t) && t >= 1 && t <= 40;
    };
  });
  var at = g((C) => {
    var Vt = "[0-9]+",
      be = "[A-Z $%*+\\-./:]+",
      k =
        "(?:[u3000-u303F]|[u3040-u309F]|[u30A0-u30FF]|[uFF00-uFFEF]|[u4E00-u9FAF]|[u2605-u2606]|[u2190-u2195]|u203B|[u2010u2015u2018u2019u2025u2026u201Cu201Du2225u2260]|[u0391-u0451]|[u00A7u00A8u00B1u00B4u00D7u00F7])+";
    k = k.replace(/u/g, "\\u");
    var Re =
      "(?:(?![A-Z0-9 $%*+\\-./:]|" +
      k +
      `)(?:.|[\r
]))+`;
    C.KANJI = new RegExp(k, "g");
    C.BYTE_KANJI = new RegExp("[^A-Z0-9 $%*+\\-./:]+", "g");
    C.BYTE = new RegExp(Re, "g");
    C.NUMERIC = new RegExp(Vt, "g");
    C.ALPHANUMERIC = new RegExp(be, "g");
    var Le = new RegExp("^" + k + "$"),
      _e = new RegExp("^" + Vt + "$"),
      xe = new RegExp("^[A-Z0-9 $%*+\\-./:]+$");
    C.testKanji = function (t) {
      return Le.test(t);
    };
    C.testNumeric = function (t) {
      return _e.test(t);
    };
    C.testAlphanumeric = function (t) {
      return xe.test(t);
    };
  });
  var N = g((h) => {
    var Ue = ct(),
      lt = at();
    h.NUMERIC = { id: "Numeric", bit: 1, ccBits: [10, 12, 14] };
    h.ALPHANUMERIC = { id: "Alphanumeric", bit: 2, ccBits: [9, 11, 13] };
    h.BYTE = { id: "Byte", bit: 4, ccBits: [8, 16, 16] };
    h.KANJI = { id: "Kanji", bit: 8, ccBits: [8, 10, 12] };
    h.MIXED = { bit: -1 };
    h.getCharCountIndicator = function (t, e) {
      if (!t.ccBits) throw new Error("Invalid mode: " + t);
      if (!Ue.isValid(e)) throw new Error("Invalid version: " + e);
      return e >= 1 && e < 10 ? t.ccBits[0] : e < 27 ? t.ccBits[1] : t.ccBits[2];
    };
    h.getBestModeForData = function (t) {
      return lt.testNumeric(t)
        ? h.NUMERIC
        : lt.testAlphanumeric(t)
          ? h.ALPHANUMERIC
          : lt.testKanji(t)
            ? h.KANJI
            : h.BYTE;
    };
    h.toString = function (t) {
      if (t && t.id) return t.id;
      throw new Error("Invalid mode");
    };
    h.isValid = function (t) {
      return t && t.bit && t.ccBits;
    };
    function De(n) {
      if (typeof n != "string") throw new Error("Param is not a string");
      switch (n.toLowerCase()) {
        case "numeric":
          return h.NUMERIC;
        case "alphanumeric":
          return h.ALPHANUMERIC;
        case "kanji":
          return h.KANJI;
        case "byte":
          return h.BYTE;
        default:
          throw new Error("Unknown mode: " + n);
      }
    }
    h.from = function (t, e) {
      if (h.isValid(t)) return t;
      try {
        return De(t);
      } catch {
        return e;
      }
    };
  });
  var Gt = g((S) => {
    var Z = B(),
      qe = it(),
      Ht = Y(),
      T = N(),
      ft = ct(),
      Jt = 7973,
      Kt = Z.getBCHDigit(Jt);
    function Fe(n, t, e) {
      for (let r = 1; r <= 40; r++) if (t <= S.getCapacity(r, e, n)) return r;
    }
    function Yt(n, t) {
      return T.getCharCountIndicator(n, t) + 4;
    }
    function ze(n, t) {
      let e = 0;
      return (
        n.forEach(function (r) {
          let o = Yt(r.mode, t);
          e += o + r.getBitsLength();
        }),
        e
      );
    }
    function ke(n, t) {
      for (let e = 1; e <= 40; e++) if (ze(n, e) <= S.getCapacity(e, t, T.MIXED)) return e;
    }
    S.from = function (t, e) {
      return ft.isValid(t) ? parseInt(t, 10) : e;
    };
    S.getCapacity = function (t, e, r) {
      if (!ft.isValid(t)) throw new Error("Invalid QR Code version");
      typeof r > "u" && (r = T.BYTE);
      let o = Z.getSymbolTotalCodewords(t),
        i = qe.getTotalCodewordsCount(t, e),
        s = (o - i) * 8;
      if (r === T.MIXED) return s;
      let u = s - Yt(r, t);
      switch (r) {
        case T.NUMERIC:
          return Math.floor((u / 10) * 3);
        case T.ALPHANUMERIC:
          return Math.floor((u / 11) * 2);
        case T.KANJI:
          return Math.floor(u / 13);
        case T.BYTE:
        default:
          return Math.floor(u / 8);
      }
    };
    S.getBestVersionForData = function (t, e) {
      let r,
        o = Ht.from(e, Ht.M);
      if (Array.isArray(t)) {
        if (t.length > 1) return ke(t, o);
        if (t.length === 0) return 1;
        r = t[0];
      } else r = t;
      return Fe(r.mode, r.getLength(), o);
    };
    S.getEncodedBits = function (t) {
      if (!ft.isValid(t) || t < 7) throw new Error("Invalid QR Code version");
      let e = t << 12;
      for (; Z.getBCHDigit(e) - Kt >= 0;) e ^= Jt << (Z.getBCHDigit(e) - Kt);
      return (t << 12) | e;
    };
  });
  var $t = g((jt) => {
    var gt = B(),
      Qt = 1335,
      Ve = 21522,
      Ot = gt.getBCHDigit(Qt);
    jt.getEncodedBits = function (t, e) {
      let r = (t.bit << 3) | e,
        o = r << 10;
      for (; gt.getBCHDigit(o) - Ot >= 0;) o ^= Qt << (gt.getBCHDigit(o) - Ot);
      return ((r << 10) | o) ^ Ve;
    };
  });
  var vt = g((bn, Zt) => {
    var He = N();
    function L(n) {
      ((this.mode = He.NUMERIC), (this.data = n.toString()));
    }
    L.getBitsLength = function (t) {
      return 10 * Math.floor(t / 3) + (t % 3 ? (t % 3) * 3 + 1 : 0);
    };
    L.prototype.getLength = function () {
      return this.data.length;
    };
    L.prototype.getBitsLength = function () {
      return L.getBitsLength(this.data.length);
    };
    L.prototype.write = function (t) {
      let e, r, o;
      for (e = 0; e + 3 <= this.data.length; e += 3)
        ((r = this.data.substr(e, 3)), (o = parseInt(r, 10)), t.put(o, 10));
      let i = this.data.length - e;
      i > 0 && ((r = this.data.substr(e)), (o = parseInt(r, 10)), t.put(o, i * 3 + 1));
    };
    Zt.exports = L;
  });
  var Wt = g((Rn, Xt) => {
    var Ke = N(),
      dt = [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H",
        "I",
        "J",
        "K",
        "L",
        "M",
        "N",
        "O",
        "P",
        "Q",
        "R",
        "S",
        "T",
        "U",
        "V",
        "W",
        "X",
        "Y",
        "Z",
        " ",
        "$",
        "%",
        "*",
        "+",
        "-",
        ".",
        "/",
        ":",
      ];
    function _(n) {
      ((this.mode = Ke.ALPHANUMERIC), (this.data = n));
    }
    _.getBitsLength = function (t) {
      return 11 * Math.floor(t / 2) + 6 * (t % 2);
    };
    _.prototype.getLength = function () {
      return this.data.length;
    };
    _.prototype.getBitsLength = function () {
      return _.getBitsLength(this.data.length);
    };
    _.prototype.write = function (t) {
      let e;
      for (e = 0; e + 2 <= this.data.length; e += 2) {
        let r = dt.indexOf(this.data[e]) * 45;
        ((r += dt.indexOf(this.data[e + 1])), t.put(r, 11));
      }
      this.data.length % 2 && t.put(dt.indexOf(this.data[e]), 6);
    };
    Xt.exports = _;
  });
  var ee = g((Ln, te) => {
    var Je = N();
    function x(n) {
      ((this.mode = Je.BYTE),
        typeof n == "string"
          ? (this.data = new TextEncoder().encode(n))
          : (this.data = new Uint8Array(n)));
    }
    x.getBitsLength = function (t) {
      return t * 8;
    };
    x.prototype.getLength = function () {
      return this.data.length;
    };
    x.prototype.getBitsLength = function () {
      return x.getBitsLength(this.data.length);
    };
    x.prototype.write = function (n) {
      for (let t = 0, e = this.data.length; t < e; t++) n.put(this.data[t], 8);
    };
    te.exports = x;
  });
  var re = g((_n, ne) => {
    var Ye = N(),
      Ge = B();
    function U(n) {
      ((this.mode = Ye.KANJI), (this.data = n));
    }
    U.getBitsLength = function (t) {
      return t * 13;
    };
    U.prototype.getLength = function () {
      return this.data.length;
    };
    U.prototype.getBitsLength = function () {
      return U.getBitsLength(this.data.length);
    };
    U.prototype.write = function (n) {
      let t;
      for (t = 0; t < this.data.length; t++) {
        let e = Ge.toSJIS(this.data[t]);
        if (e >= 33088 && e <= 40956) e -= 33088;
        else if (e >= 57408 && e <= 60351) e -= 49472;
        else
          throw new Error(
            "Invalid SJIS character: " +
              this.data[t] +
              `
Make sure your charset is UTF-8`,
          );
        ((e = ((e >>> 8) & 255) * 192 + (e & 255)), n.put(e, 13));
      }
    };
    ne.exports = U;
  });
  var oe = g((xn, ht) => {
    "use strict";
    var V = {
      single_source_shortest_paths: function (n, t, e) {
        var r = {},
          o = {};
        o[t] = 0;
        var i = V.PriorityQueue.make();
        i.push(t, 0);
        for (var s, u, c, l, d, y, p, J, P; !i.empty();) {
          ((s = i.pop()), (u = s.value), (l = s.cost), (d = n[u] || {}));
          for (c in d)
            d.hasOwnProperty(c) &&
              ((y = d[c]),
              (p = l + y),
              (J = o[c]),
              (P = typeof o[c] > "u"),
              (P || J > p) && ((o[c] = p), i.push(c, p), (r[c] = u)));
        }
        if (typeof e < "u" && typeof o[e] > "u") {
          var b = ["Could not find a path from ", t, " to ", e, "."].join("");
          throw new Error(b);
        }
        return r;
      },
      extract_shortest_path_from_predecessor_list: function (n, t) {
        for (var e = [], r = t, o; r;) (e.push(r), (o = n[r]), (r = n[r]));
        return (e.reverse(), e);
      },
      find_path: function (n, t, e) {
        var r = V.single_source_shortest_paths(n, t, e);
        return V.extract_shortest_path_from_predecessor_list(r, e);
      },
      PriorityQueue: {
        make: function (n) {
          var t = V.PriorityQueue,
            e = {},
            r;
          n = n || {};
          for (r in t) t.hasOwnProperty(r) && (e[r] = t[r]);
          return ((e.queue = []), (e.sorter = n.sorter || t.default_sorter), e);
        },
        default_sorter: function (n, t) {
          return n.cost - t.cost;
        },
        push: function (n, t) {
          var e = { value: n, cost: t };
          (this.queue.push(e), this.queue.sort(this.sorter));
        },
        pop: function () {
          return this.queue.shift();
        },
        empty: function () {
          return this.queue.length === 0;
        },
      },
    };
    typeof ht < "u" && (ht.exports = V);
  });
  var ge = g((D) => {
    var a = N(),
      ue = vt(),
      ce = Wt(),
      ae = ee(),
      le = re(),
      H = at(),
      v = B(),
      Oe = oe();
    function ie(n) {
      return unescape(encodeURIComponent(n)).length;
    }
    function K(n, t, e) {
      let r = [],
        o;
      for (; (o = n.exec(e)) !== null;)
        r.push({ data: o[0], index: o.index, mode: t, length: o[0].length });
      return r;
    }
    function fe(n) {
      let t = K(H.NUMERIC, a.NUMERIC, n),
        e = K(H.ALPHANUMERIC, a.ALPHANUMERIC, n),
        r,
        o;
      return (
        v.isKanjiModeEnabled()
          ? ((r = K(H.BYTE, a.BYTE, n)), (o = K(H.KANJI, a.KANJI, n)))
          : ((r = K(H.BYTE_KANJI, a.BYTE, n)), (o = [])),
        t
          .concat(e, r, o)
          .sort(function (s, u) {
            return s.index - u.index;
          })
          .map(function (s) {
            return { data: s.data, mode: s.mode, length: s.length };
          })
      );
    }
    function pt(n, t) {
      switch (t) {
        case a.NUMERIC:
          return ue.getBitsLength(n);
        case a.ALPHANUMERIC:
          return ce.getBitsLength(n);
        case a.KANJI:
          return le.getBitsLength(n);
        case a.BYTE:
          return ae.getBitsLength(n);
      }
    }
    function Qe(n) {
      return n.reduce(function (t, e) {
        let r = t.length - 1 >= 0 ? t[t.length - 1] : null;
        return r && r.mode === e.mode ? ((t[t.length - 1].data += e.data), t) : (t.push(e), t);
      }, []);
    }
    function je(n) {
      let t = [];
      for (let e = 0; e < n.length; e++) {
        let r = n[e];
        switch (r.mode) {
          case a.NUMERIC:
            t.push([
              r,
              { data: r.data, mode: a.ALPHANUMERIC, length: r.length },
              { data: r.data, mode: a.BYTE, length: r.length },
            ]);
            break;
          case a.ALPHANUMERIC:
            t.push([r, { data: r.data, mode: a.BYTE, length: r.length }]);
            break;
          case a.KANJI:
            t.push([r, { data: r.data, mode: a.BYTE, length: ie(r.data) }]);
            break;
          case a.BYTE:
            t.push([{ data: r.data, mode: a.BYTE, length: ie(r.data) }]);
        }
      }
      return t;
    }
    function $e(n, t) {
      let e = {},
        r = { start: {} },
        o = ["start"];
      for (let i = 0; i < n.length; i++) {
        let s = n[i],
          u = [];
        for (let c = 0; c < s.length; c++) {
          let l = s[c],
            d = "" + i + c;
          (u.push(d), (e[d] = { node: l, lastCount: 0 }), (r[d] = {}));
          for (let y = 0; y < o.length; y++) {
            let p = o[y];
            e[p] && e[p].node.mode === l.mode
              ? ((r[p][d] = pt(e[p].lastCount + l.length, l.mode) - pt(e[p].lastCount, l.mode)),
                (e[p].lastCount += l.length))
              : (e[p] && (e[p].lastCount = l.length),
                (r[p][d] = pt(l.length, l.mode) + 4 + a.getCharCountIndicator(l.mode, t)));
          }
        }
        o = u;
      }
      for (let i = 0; i < o.length; i++) r[o[i]].end = 0;
      return { map: r, table: e };
    }
    function se(n, t) {
      let e,
        r = a.getBestModeForData(n);
      if (((e = a.from(t, r)), e !== a.BYTE && e.bit < r.bit))
        throw new Error(
          '"' +
            n +
            '" cannot be encoded with mode ' +
            a.toString(e) +
            `.
 Suggested mode is: ` +
            a.toString(r),
        );
      switch ((e === a.KANJI && !v.isKanjiModeEnabled() && (e = a.BYTE), e)) {
        case a.NUMERIC:
          return new ue(n);
        case a.ALPHANUMERIC:
          return new ce(n);
        case a.KANJI:
          return new le(n);
        case a.BYTE:
          return new ae(n);
      }
    }
    D.fromArray = function (t) {
      return t.reduce(function (e, r) {
        return (
          typeof r == "string" ? e.push(se(r, null)) : r.data && e.push(se(r.data, r.mode)),
          e
        );
      }, []);
    };
    D.fromString = function (t, e) {
      let r = fe(t, v.isKanjiModeEnabled()),
        o = je(r),
        i = $e(o, e),
        s = Oe.find_path(i.map, "start", "end"),
        u = [];
      for (let c = 1; c < s.length - 1; c++) u.push(i.table[s[c]].node);
      return D.fromArray(Qe(u));
    };
    D.rawSplit = function (t) {
      return D.fromArray(fe(t, v.isKanjiModeEnabled()));
    };
  });
  var he = g((de) => {
    var W = B(),
      wt = Y(),
      Ze = Mt(),
      ve = Pt(),
      Xe = bt(),
      We = _t(),
      Ct = xt(),
      yt = it(),
      tn = zt(),
      X = Gt(),
      en = $t(),
      nn = N(),
      Et = ge();
    function rn(n, t) {
      let e = n.size,
        r = We.getPositions(t);
      for (let o = 0; o < r.length; o++) {
        let i = r[o][0],
          s = r[o][1];
        for (let u = -1; u <= 7; u++)
          if (!(i + u <= -1 || e <= i + u))
            for (let c = -1; c <= 7; c++)
              s + c <= -1 ||
                e <= s + c ||
                ((u >= 0 && u <= 6 && (c === 0 || c === 6)) ||
                (c >= 0 && c <= 6 && (u === 0 || u === 6)) ||
                (u >= 2 && u <= 4 && c >= 2 && c <= 4)
                  ? n.set(i + u, s + c, !0, !0)
                  : n.set(i + u, s + c, !1, !0));
      }
    }
    function on(n) {
      let t = n.size;
      for (let e = 8; e < t - 8; e++) {
        let r = e % 2 === 0;
        (n.set(e, 6, r, !0), n.set(6, e, r, !0));
      }
    }
    function sn(n, t) {
      let e = Xe.getPositions(t);
      for (let r = 0; r < e.length; r++) {
        let o = e[r][0],
          i = e[r][1];
        for (let s = -2; s <= 2; s++)
          for (let u = -2; u <= 2; u++)
            s === -2 || s === 2 || u === -2 || u === 2 || (s === 0 && u === 0)
              ? n.set(o + s, i + u, !0, !0)
              : n.set(o + s, i + u, !1, !0);
      }
    }
    function un(n, t) {
      let e = n.size,
        r = X.getEncodedBits(t),
        o,
        i,
        s;
      for (let u = 0; u < 18; u++)
        ((o = Math.floor(u / 3)),
          (i = (u % 3) + e - 8 - 3),
          (s = ((r >> u) & 1) === 1),
          n.set(o, i, s, !0),
          n.set(i, o, s, !0));
    }
    function mt(n, t, e) {
      let r = n.size,
        o = en.getEncodedBits(t, e),
        i,
        s;
      for (i = 0; i < 15; i++)
        ((s = ((o >> i) & 1) === 1),
          i < 6 ? n.set(i, 8, s, !0) : i < 8 ? n.set(i + 1, 8, s, !0) : n.set(r - 15 + i, 8, s, !0),
          i < 8
            ? n.set(8, r - i - 1, s, !0)
            : i < 9
              ? n.set(8, 15 - i - 1 + 1, s, !0)
              : n.set(8, 15 - i - 1, s, !0));
      n.set(r - 8, 8, 1, !0);
    }
    function cn(n, t) {
      let e = n.size,
        r = -1,
        o = e - 1,
        i = 7,
        s = 0;
      for (let u = e - 1; u > 0; u -= 2)
        for (u === 6 && u--; ;) {
          for (let c = 0; c < 2; c++)
            if (!n.isReserved(o, u - c)) {
              let l = !1;
              (s < t.length && (l = ((t[s] >>> i) & 1) === 1),
                n.set(o, u - c, l),
                i--,
                i === -1 && (s++, (i = 7)));
            }
          if (((o += r), o < 0 || e <= o)) {
            ((o -= r), (r = -r));
            break;
          }
        }
    }
    function an(n, t, e) {
      let r = new Ze();
      e.forEach(function (c) {
        (r.put(c.mode.bit, 4),
          r.put(c.getLength(), nn.getCharCountIndicator(c.mode, n)),
          c.write(r));
      });
      let o = W.getSymbolTotalCodewords(n),
        i = yt.getTotalCodewordsCount(n, t),
        s = (o - i) * 8;
      for (r.getLengthInBits() + 4 <= s && r.put(0, 4); r.getLengthInBits() % 8 !== 0;) r.putBit(0);
      let u = (s - r.getLengthInBits()) / 8;
      for (let c = 0; c < u; c++) r.put(c % 2 ? 17 : 236, 8);
      return ln(r, n, t);
    }
    function ln(n, t, e) {
      let r = W.getSymbolTotalCodewords(t),
        o = yt.getTotalCodewordsCount(t, e),
        i = r - o,
        s = yt.getBlocksCount(t, e),
        u = r % s,
        c = s - u,
        l = Math.floor(r / s),
        d = Math.floor(i / s),
        y = d + 1,
        p = l - d,
        J = new tn(p),
        P = 0,
        b = new Array(s),
        Bt = new Array(s),
        tt = 0,
        we = new Uint8Array(n.buffer);
      for (let R = 0; R < s; R++) {
        let nt = R < c ? d : y;
        ((b[R] = we.slice(P, P + nt)),
          (Bt[R] = J.encode(b[R])),
          (P += nt),
          (tt = Math.max(tt, nt)));
      }
      let et = new Uint8Array(r),
        At = 0,
        E,
        m;
      for (E = 0; E < tt; E++) for (m = 0; m < s; m++) E < b[m].length && (et[At++] = b[m][E]);
      for (E = 0; E < p; E++) for (m = 0; m < s; m++) et[At++] = Bt[m][E];
      return et;
    }
    function fn(n, t, e, r) {
      let o;
      if (Array.isArray(n)) o = Et.fromArray(n);
      else if (typeof n == "string") {
        let l = t;
        if (!l) {
          let d = Et.rawSplit(n);
          l = X.getBestVersionForData(d, e);
        }
        o = Et.fromString(n, l || 40);
      } else throw new Error("Invalid data");
      let i = X.getBestVersionForData(o, e);
      if (!i) throw new Error("The amount of data is too big to be stored in a QR Code");
      if (!t) t = i;
      else if (t < i)
        throw new Error(
          `
The chosen QR Code version cannot contain this amount of data.
Minimum version required to store current data is: ` +
            i +
            `.
`,
        );
      let s = an(t, e, o),
        u = W.getSymbolSize(t),
        c = new ve(u);
      return (
        rn(c, t),
        on(c),
        sn(c, t),
        mt(c, e, 0),
        t >= 7 && un(c, t),
        cn(c, s),
        isNaN(r) && (r = Ct.getBestMask(c, mt.bind(null, c, e))),
        Ct.applyMask(r, c),
        mt(c, e, r),
        { modules: c, version: t, errorCorrectionLevel: e, maskPattern: r, segments: o }
      );
    }
    de.create = function (t, e) {
      if (typeof t > "u" || t === "") throw new Error("No input text");
      let r = wt.M,
        o,
        i;
      return (
        typeof e < "u" &&
          ((r = wt.from(e.errorCorrectionLevel, wt.M)),
          (o = X.from(e.version)),
          (i = Ct.from(e.maskPattern)),
          e.toSJISFunc && W.setToSJISFunction(e.toSJISFunc)),
        fn(t, o, r, i)
      );
    };
  });
  var pe = Ne(he());
  window.OnionQrDraw = {
    matrix: function (n) {
      var t = (0, pe.create)(n, { errorCorrectionLevel: "M" }).modules;
      return { size: t.size, data: t.data };
    },
  };
})();
