package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The FFS superblock, {@code struct fs} of {@code sys/ufs/ffs/fs.h}, as UFS1 uses it: 1376 bytes at
 * byte 8192 ({@code SBLOCK_UFS1}) and a copy in every cylinder group.
 * The in-core pointers at 728..855 are not members: they are written as zeros.
 * Only the first snapshot-free, journal-free form makefs writes is kept: {@code fs_snapinum},
 * {@code fs_journallocs} and the spare arrays are not members either.
 *
 * <p>Offsets are in {@link SuperblockLayout}; {@link #decode(ByteBuffer, int)} reads with absolute gets in
 * the buffer's byte order (the image's), {@link #encode(ByteBuffer, int)} writes every member back.
 *
 * @param firstfield {@code fs_firstfield} at offset 0
 * @param unused1 {@code fs_unused_1} at offset 4
 * @param sblkno {@code fs_sblkno} at offset 8
 * @param cblkno {@code fs_cblkno} at offset 12
 * @param iblkno {@code fs_iblkno} at offset 16
 * @param dblkno {@code fs_dblkno} at offset 20
 * @param oldCgoffset {@code fs_old_cgoffset} at offset 24
 * @param oldCgmask {@code fs_old_cgmask} at offset 28
 * @param oldTime {@code fs_old_time} at offset 32
 * @param oldSize {@code fs_old_size} at offset 36
 * @param oldDsize {@code fs_old_dsize} at offset 40
 * @param ncg {@code fs_ncg} at offset 44
 * @param bsize {@code fs_bsize} at offset 48
 * @param fsize {@code fs_fsize} at offset 52
 * @param frag {@code fs_frag} at offset 56
 * @param minfree {@code fs_minfree} at offset 60
 * @param oldRotdelay {@code fs_old_rotdelay} at offset 64
 * @param oldRps {@code fs_old_rps} at offset 68
 * @param bmask {@code fs_bmask} at offset 72
 * @param fmask {@code fs_fmask} at offset 76
 * @param bshift {@code fs_bshift} at offset 80
 * @param fshift {@code fs_fshift} at offset 84
 * @param maxcontig {@code fs_maxcontig} at offset 88
 * @param maxbpg {@code fs_maxbpg} at offset 92
 * @param fragshift {@code fs_fragshift} at offset 96
 * @param fsbtodb {@code fs_fsbtodb} at offset 100
 * @param sbsize {@code fs_sbsize} at offset 104
 * @param spare1x0 {@code fs_spare1_0} at offset 108
 * @param spare1x1 {@code fs_spare1_1} at offset 112
 * @param nindir {@code fs_nindir} at offset 116
 * @param inopb {@code fs_inopb} at offset 120
 * @param oldNspf {@code fs_old_nspf} at offset 124
 * @param optim {@code fs_optim} at offset 128
 * @param oldNpsect {@code fs_old_npsect} at offset 132
 * @param oldInterleave {@code fs_old_interleave} at offset 136
 * @param oldTrackskew {@code fs_old_trackskew} at offset 140
 * @param id0 {@code fs_id_0} at offset 144
 * @param id1 {@code fs_id_1} at offset 148
 * @param oldCsaddr {@code fs_old_csaddr} at offset 152
 * @param cssize {@code fs_cssize} at offset 156
 * @param cgsize {@code fs_cgsize} at offset 160
 * @param spare2 {@code fs_spare2} at offset 164
 * @param oldNsect {@code fs_old_nsect} at offset 168
 * @param oldSpc {@code fs_old_spc} at offset 172
 * @param oldNcyl {@code fs_old_ncyl} at offset 176
 * @param oldCpg {@code fs_old_cpg} at offset 180
 * @param ipg {@code fs_ipg} at offset 184
 * @param fpg {@code fs_fpg} at offset 188
 * @param oldCstotalNdir {@code fs_old_cstotal_ndir} at offset 192
 * @param oldCstotalNbfree {@code fs_old_cstotal_nbfree} at offset 196
 * @param oldCstotalNifree {@code fs_old_cstotal_nifree} at offset 200
 * @param oldCstotalNffree {@code fs_old_cstotal_nffree} at offset 204
 * @param fmod {@code fs_fmod} at offset 208
 * @param clean {@code fs_clean} at offset 209
 * @param ronly {@code fs_ronly} at offset 210
 * @param oldFlags {@code fs_old_flags} at offset 211
 * @param fsmnt {@code fs_fsmnt} at offset 212
 * @param volname {@code fs_volname} at offset 680
 * @param swuid {@code fs_swuid} at offset 712
 * @param pad {@code fs_pad} at offset 720
 * @param cgrotor {@code fs_cgrotor} at offset 724
 * @param oldCpc {@code fs_old_cpc} at offset 856
 * @param maxbsize {@code fs_maxbsize} at offset 860
 * @param journalVersion {@code fs_journal_version} at offset 864
 * @param journalLocation {@code fs_journal_location} at offset 865
 * @param journalFlags {@code fs_journal_flags} at offset 868
 * @param sblockloc {@code fs_sblockloc} at offset 1000
 * @param cstotalNdir {@code fs_cstotal_ndir} at offset 1008
 * @param cstotalNbfree {@code fs_cstotal_nbfree} at offset 1016
 * @param cstotalNifree {@code fs_cstotal_nifree} at offset 1024
 * @param cstotalNffree {@code fs_cstotal_nffree} at offset 1032
 * @param time {@code fs_time} at offset 1072
 * @param size {@code fs_size} at offset 1080
 * @param dsize {@code fs_dsize} at offset 1088
 * @param csaddr {@code fs_csaddr} at offset 1096
 * @param pendingblocks {@code fs_pendingblocks} at offset 1104
 * @param pendinginodes {@code fs_pendinginodes} at offset 1112
 * @param avgfilesize {@code fs_avgfilesize} at offset 1196
 * @param avgfpdir {@code fs_avgfpdir} at offset 1200
 * @param saveCgsize {@code fs_save_cgsize} at offset 1204
 * @param flags {@code fs_flags} at offset 1312
 * @param contigsumsize {@code fs_contigsumsize} at offset 1316
 * @param maxsymlinklen {@code fs_maxsymlinklen} at offset 1320
 * @param oldInodefmt {@code fs_old_inodefmt} at offset 1324
 * @param maxfilesize {@code fs_maxfilesize} at offset 1328
 * @param qbmask {@code fs_qbmask} at offset 1336
 * @param qfmask {@code fs_qfmask} at offset 1344
 * @param state {@code fs_state} at offset 1352
 * @param oldPostblformat {@code fs_old_postblformat} at offset 1356
 * @param oldNrpos {@code fs_old_nrpos} at offset 1360
 * @param spare5x0 {@code fs_spare5_0} at offset 1364
 * @param spare5x1 {@code fs_spare5_1} at offset 1368
 * @param magic {@code fs_magic} at offset 1372
 */
public record Superblock(
        int firstfield,
        int unused1,
        int sblkno,
        int cblkno,
        int iblkno,
        int dblkno,
        int oldCgoffset,
        int oldCgmask,
        int oldTime,
        int oldSize,
        int oldDsize,
        int ncg,
        int bsize,
        int fsize,
        int frag,
        int minfree,
        int oldRotdelay,
        int oldRps,
        int bmask,
        int fmask,
        int bshift,
        int fshift,
        int maxcontig,
        int maxbpg,
        int fragshift,
        int fsbtodb,
        int sbsize,
        int spare1x0,
        int spare1x1,
        int nindir,
        int inopb,
        int oldNspf,
        int optim,
        int oldNpsect,
        int oldInterleave,
        int oldTrackskew,
        int id0,
        int id1,
        int oldCsaddr,
        int cssize,
        int cgsize,
        int spare2,
        int oldNsect,
        int oldSpc,
        int oldNcyl,
        int oldCpg,
        int ipg,
        int fpg,
        int oldCstotalNdir,
        int oldCstotalNbfree,
        int oldCstotalNifree,
        int oldCstotalNffree,
        int fmod,
        int clean,
        int ronly,
        int oldFlags,
        String fsmnt,
        String volname,
        long swuid,
        int pad,
        int cgrotor,
        int oldCpc,
        int maxbsize,
        int journalVersion,
        int journalLocation,
        int journalFlags,
        long sblockloc,
        long cstotalNdir,
        long cstotalNbfree,
        long cstotalNifree,
        long cstotalNffree,
        long time,
        long size,
        long dsize,
        long csaddr,
        long pendingblocks,
        int pendinginodes,
        int avgfilesize,
        int avgfpdir,
        int saveCgsize,
        int flags,
        int contigsumsize,
        int maxsymlinklen,
        int oldInodefmt,
        long maxfilesize,
        long qbmask,
        long qfmask,
        int state,
        int oldPostblformat,
        int oldNrpos,
        int spare5x0,
        int spare5x1,
        int magic) {

    /** Reads the struct that starts at {@code base} in {@code b} (absolute, the buffer's order). */
    public static Superblock decode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, SuperblockLayout.SIZE, "struct fs");
        return new Superblock(
            b.getInt(base + SuperblockLayout.FS_FIRSTFIELD),
            b.getInt(base + SuperblockLayout.FS_UNUSED_1),
            b.getInt(base + SuperblockLayout.FS_SBLKNO),
            b.getInt(base + SuperblockLayout.FS_CBLKNO),
            b.getInt(base + SuperblockLayout.FS_IBLKNO),
            b.getInt(base + SuperblockLayout.FS_DBLKNO),
            b.getInt(base + SuperblockLayout.FS_OLD_CGOFFSET),
            b.getInt(base + SuperblockLayout.FS_OLD_CGMASK),
            b.getInt(base + SuperblockLayout.FS_OLD_TIME),
            b.getInt(base + SuperblockLayout.FS_OLD_SIZE),
            b.getInt(base + SuperblockLayout.FS_OLD_DSIZE),
            b.getInt(base + SuperblockLayout.FS_NCG),
            b.getInt(base + SuperblockLayout.FS_BSIZE),
            b.getInt(base + SuperblockLayout.FS_FSIZE),
            b.getInt(base + SuperblockLayout.FS_FRAG),
            b.getInt(base + SuperblockLayout.FS_MINFREE),
            b.getInt(base + SuperblockLayout.FS_OLD_ROTDELAY),
            b.getInt(base + SuperblockLayout.FS_OLD_RPS),
            b.getInt(base + SuperblockLayout.FS_BMASK),
            b.getInt(base + SuperblockLayout.FS_FMASK),
            b.getInt(base + SuperblockLayout.FS_BSHIFT),
            b.getInt(base + SuperblockLayout.FS_FSHIFT),
            b.getInt(base + SuperblockLayout.FS_MAXCONTIG),
            b.getInt(base + SuperblockLayout.FS_MAXBPG),
            b.getInt(base + SuperblockLayout.FS_FRAGSHIFT),
            b.getInt(base + SuperblockLayout.FS_FSBTODB),
            b.getInt(base + SuperblockLayout.FS_SBSIZE),
            b.getInt(base + SuperblockLayout.FS_SPARE1_0),
            b.getInt(base + SuperblockLayout.FS_SPARE1_1),
            b.getInt(base + SuperblockLayout.FS_NINDIR),
            b.getInt(base + SuperblockLayout.FS_INOPB),
            b.getInt(base + SuperblockLayout.FS_OLD_NSPF),
            b.getInt(base + SuperblockLayout.FS_OPTIM),
            b.getInt(base + SuperblockLayout.FS_OLD_NPSECT),
            b.getInt(base + SuperblockLayout.FS_OLD_INTERLEAVE),
            b.getInt(base + SuperblockLayout.FS_OLD_TRACKSKEW),
            b.getInt(base + SuperblockLayout.FS_ID_0),
            b.getInt(base + SuperblockLayout.FS_ID_1),
            b.getInt(base + SuperblockLayout.FS_OLD_CSADDR),
            b.getInt(base + SuperblockLayout.FS_CSSIZE),
            b.getInt(base + SuperblockLayout.FS_CGSIZE),
            b.getInt(base + SuperblockLayout.FS_SPARE2),
            b.getInt(base + SuperblockLayout.FS_OLD_NSECT),
            b.getInt(base + SuperblockLayout.FS_OLD_SPC),
            b.getInt(base + SuperblockLayout.FS_OLD_NCYL),
            b.getInt(base + SuperblockLayout.FS_OLD_CPG),
            b.getInt(base + SuperblockLayout.FS_IPG),
            b.getInt(base + SuperblockLayout.FS_FPG),
            b.getInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NDIR),
            b.getInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NBFREE),
            b.getInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NIFREE),
            b.getInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NFFREE),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_FMOD)),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_CLEAN)),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_RONLY)),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_OLD_FLAGS)),
            Bytes.cString(b, base + SuperblockLayout.FS_FSMNT, 468),
            Bytes.cString(b, base + SuperblockLayout.FS_VOLNAME, 32),
            b.getLong(base + SuperblockLayout.FS_SWUID),
            b.getInt(base + SuperblockLayout.FS_PAD),
            b.getInt(base + SuperblockLayout.FS_CGROTOR),
            b.getInt(base + SuperblockLayout.FS_OLD_CPC),
            b.getInt(base + SuperblockLayout.FS_MAXBSIZE),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_JOURNAL_VERSION)),
            Byte.toUnsignedInt(b.get(base + SuperblockLayout.FS_JOURNAL_LOCATION)),
            b.getInt(base + SuperblockLayout.FS_JOURNAL_FLAGS),
            b.getLong(base + SuperblockLayout.FS_SBLOCKLOC),
            b.getLong(base + SuperblockLayout.FS_CSTOTAL_NDIR),
            b.getLong(base + SuperblockLayout.FS_CSTOTAL_NBFREE),
            b.getLong(base + SuperblockLayout.FS_CSTOTAL_NIFREE),
            b.getLong(base + SuperblockLayout.FS_CSTOTAL_NFFREE),
            b.getLong(base + SuperblockLayout.FS_TIME),
            b.getLong(base + SuperblockLayout.FS_SIZE),
            b.getLong(base + SuperblockLayout.FS_DSIZE),
            b.getLong(base + SuperblockLayout.FS_CSADDR),
            b.getLong(base + SuperblockLayout.FS_PENDINGBLOCKS),
            b.getInt(base + SuperblockLayout.FS_PENDINGINODES),
            b.getInt(base + SuperblockLayout.FS_AVGFILESIZE),
            b.getInt(base + SuperblockLayout.FS_AVGFPDIR),
            b.getInt(base + SuperblockLayout.FS_SAVE_CGSIZE),
            b.getInt(base + SuperblockLayout.FS_FLAGS),
            b.getInt(base + SuperblockLayout.FS_CONTIGSUMSIZE),
            b.getInt(base + SuperblockLayout.FS_MAXSYMLINKLEN),
            b.getInt(base + SuperblockLayout.FS_OLD_INODEFMT),
            b.getLong(base + SuperblockLayout.FS_MAXFILESIZE),
            b.getLong(base + SuperblockLayout.FS_QBMASK),
            b.getLong(base + SuperblockLayout.FS_QFMASK),
            b.getInt(base + SuperblockLayout.FS_STATE),
            b.getInt(base + SuperblockLayout.FS_OLD_POSTBLFORMAT),
            b.getInt(base + SuperblockLayout.FS_OLD_NRPOS),
            b.getInt(base + SuperblockLayout.FS_SPARE5_0),
            b.getInt(base + SuperblockLayout.FS_SPARE5_1),
            b.getInt(base + SuperblockLayout.FS_MAGIC));
    }

    /** Writes every member at {@code base} in {@code b} (absolute, the buffer's order); padding is left as it is. */
    public void encode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, SuperblockLayout.SIZE, "struct fs");
        b.putInt(base + SuperblockLayout.FS_FIRSTFIELD, firstfield);
        b.putInt(base + SuperblockLayout.FS_UNUSED_1, unused1);
        b.putInt(base + SuperblockLayout.FS_SBLKNO, sblkno);
        b.putInt(base + SuperblockLayout.FS_CBLKNO, cblkno);
        b.putInt(base + SuperblockLayout.FS_IBLKNO, iblkno);
        b.putInt(base + SuperblockLayout.FS_DBLKNO, dblkno);
        b.putInt(base + SuperblockLayout.FS_OLD_CGOFFSET, oldCgoffset);
        b.putInt(base + SuperblockLayout.FS_OLD_CGMASK, oldCgmask);
        b.putInt(base + SuperblockLayout.FS_OLD_TIME, oldTime);
        b.putInt(base + SuperblockLayout.FS_OLD_SIZE, oldSize);
        b.putInt(base + SuperblockLayout.FS_OLD_DSIZE, oldDsize);
        b.putInt(base + SuperblockLayout.FS_NCG, ncg);
        b.putInt(base + SuperblockLayout.FS_BSIZE, bsize);
        b.putInt(base + SuperblockLayout.FS_FSIZE, fsize);
        b.putInt(base + SuperblockLayout.FS_FRAG, frag);
        b.putInt(base + SuperblockLayout.FS_MINFREE, minfree);
        b.putInt(base + SuperblockLayout.FS_OLD_ROTDELAY, oldRotdelay);
        b.putInt(base + SuperblockLayout.FS_OLD_RPS, oldRps);
        b.putInt(base + SuperblockLayout.FS_BMASK, bmask);
        b.putInt(base + SuperblockLayout.FS_FMASK, fmask);
        b.putInt(base + SuperblockLayout.FS_BSHIFT, bshift);
        b.putInt(base + SuperblockLayout.FS_FSHIFT, fshift);
        b.putInt(base + SuperblockLayout.FS_MAXCONTIG, maxcontig);
        b.putInt(base + SuperblockLayout.FS_MAXBPG, maxbpg);
        b.putInt(base + SuperblockLayout.FS_FRAGSHIFT, fragshift);
        b.putInt(base + SuperblockLayout.FS_FSBTODB, fsbtodb);
        b.putInt(base + SuperblockLayout.FS_SBSIZE, sbsize);
        b.putInt(base + SuperblockLayout.FS_SPARE1_0, spare1x0);
        b.putInt(base + SuperblockLayout.FS_SPARE1_1, spare1x1);
        b.putInt(base + SuperblockLayout.FS_NINDIR, nindir);
        b.putInt(base + SuperblockLayout.FS_INOPB, inopb);
        b.putInt(base + SuperblockLayout.FS_OLD_NSPF, oldNspf);
        b.putInt(base + SuperblockLayout.FS_OPTIM, optim);
        b.putInt(base + SuperblockLayout.FS_OLD_NPSECT, oldNpsect);
        b.putInt(base + SuperblockLayout.FS_OLD_INTERLEAVE, oldInterleave);
        b.putInt(base + SuperblockLayout.FS_OLD_TRACKSKEW, oldTrackskew);
        b.putInt(base + SuperblockLayout.FS_ID_0, id0);
        b.putInt(base + SuperblockLayout.FS_ID_1, id1);
        b.putInt(base + SuperblockLayout.FS_OLD_CSADDR, oldCsaddr);
        b.putInt(base + SuperblockLayout.FS_CSSIZE, cssize);
        b.putInt(base + SuperblockLayout.FS_CGSIZE, cgsize);
        b.putInt(base + SuperblockLayout.FS_SPARE2, spare2);
        b.putInt(base + SuperblockLayout.FS_OLD_NSECT, oldNsect);
        b.putInt(base + SuperblockLayout.FS_OLD_SPC, oldSpc);
        b.putInt(base + SuperblockLayout.FS_OLD_NCYL, oldNcyl);
        b.putInt(base + SuperblockLayout.FS_OLD_CPG, oldCpg);
        b.putInt(base + SuperblockLayout.FS_IPG, ipg);
        b.putInt(base + SuperblockLayout.FS_FPG, fpg);
        b.putInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NDIR, oldCstotalNdir);
        b.putInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NBFREE, oldCstotalNbfree);
        b.putInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NIFREE, oldCstotalNifree);
        b.putInt(base + SuperblockLayout.FS_OLD_CSTOTAL_NFFREE, oldCstotalNffree);
        b.put(base + SuperblockLayout.FS_FMOD, Bytes.u8(fmod, "fs_fmod"));
        b.put(base + SuperblockLayout.FS_CLEAN, Bytes.u8(clean, "fs_clean"));
        b.put(base + SuperblockLayout.FS_RONLY, Bytes.u8(ronly, "fs_ronly"));
        b.put(base + SuperblockLayout.FS_OLD_FLAGS, Bytes.u8(oldFlags, "fs_old_flags"));
        Bytes.putCString(b, base + SuperblockLayout.FS_FSMNT, 468, fsmnt, "fs_fsmnt");
        Bytes.putCString(b, base + SuperblockLayout.FS_VOLNAME, 32, volname, "fs_volname");
        b.putLong(base + SuperblockLayout.FS_SWUID, swuid);
        b.putInt(base + SuperblockLayout.FS_PAD, pad);
        b.putInt(base + SuperblockLayout.FS_CGROTOR, cgrotor);
        b.putInt(base + SuperblockLayout.FS_OLD_CPC, oldCpc);
        b.putInt(base + SuperblockLayout.FS_MAXBSIZE, maxbsize);
        b.put(base + SuperblockLayout.FS_JOURNAL_VERSION, Bytes.u8(journalVersion, "fs_journal_version"));
        b.put(base + SuperblockLayout.FS_JOURNAL_LOCATION, Bytes.u8(journalLocation, "fs_journal_location"));
        b.putInt(base + SuperblockLayout.FS_JOURNAL_FLAGS, journalFlags);
        b.putLong(base + SuperblockLayout.FS_SBLOCKLOC, sblockloc);
        b.putLong(base + SuperblockLayout.FS_CSTOTAL_NDIR, cstotalNdir);
        b.putLong(base + SuperblockLayout.FS_CSTOTAL_NBFREE, cstotalNbfree);
        b.putLong(base + SuperblockLayout.FS_CSTOTAL_NIFREE, cstotalNifree);
        b.putLong(base + SuperblockLayout.FS_CSTOTAL_NFFREE, cstotalNffree);
        b.putLong(base + SuperblockLayout.FS_TIME, time);
        b.putLong(base + SuperblockLayout.FS_SIZE, size);
        b.putLong(base + SuperblockLayout.FS_DSIZE, dsize);
        b.putLong(base + SuperblockLayout.FS_CSADDR, csaddr);
        b.putLong(base + SuperblockLayout.FS_PENDINGBLOCKS, pendingblocks);
        b.putInt(base + SuperblockLayout.FS_PENDINGINODES, pendinginodes);
        b.putInt(base + SuperblockLayout.FS_AVGFILESIZE, avgfilesize);
        b.putInt(base + SuperblockLayout.FS_AVGFPDIR, avgfpdir);
        b.putInt(base + SuperblockLayout.FS_SAVE_CGSIZE, saveCgsize);
        b.putInt(base + SuperblockLayout.FS_FLAGS, flags);
        b.putInt(base + SuperblockLayout.FS_CONTIGSUMSIZE, contigsumsize);
        b.putInt(base + SuperblockLayout.FS_MAXSYMLINKLEN, maxsymlinklen);
        b.putInt(base + SuperblockLayout.FS_OLD_INODEFMT, oldInodefmt);
        b.putLong(base + SuperblockLayout.FS_MAXFILESIZE, maxfilesize);
        b.putLong(base + SuperblockLayout.FS_QBMASK, qbmask);
        b.putLong(base + SuperblockLayout.FS_QFMASK, qfmask);
        b.putInt(base + SuperblockLayout.FS_STATE, state);
        b.putInt(base + SuperblockLayout.FS_OLD_POSTBLFORMAT, oldPostblformat);
        b.putInt(base + SuperblockLayout.FS_OLD_NRPOS, oldNrpos);
        b.putInt(base + SuperblockLayout.FS_SPARE5_0, spare5x0);
        b.putInt(base + SuperblockLayout.FS_SPARE5_1, spare5x1);
        b.putInt(base + SuperblockLayout.FS_MAGIC, magic);
    }
}
